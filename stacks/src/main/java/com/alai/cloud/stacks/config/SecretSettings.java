package com.alai.cloud.stacks.config;

import com.alai.cloud.components.secrets.SecretRef;
import java.util.ArrayList;
import java.util.List;

/** Bitwarden items phase 1 must prove resolvable from Bitwarden cloud (names only, never values). */
public record SecretSettings(List<SecretRef> expected, List<String> legacyEndpoints) {
    static SecretSettings read(SettingsReader in) {
        var expected = new ArrayList<SecretRef>();
        for (String ref : in.list("bitwardenExpectedItems")) {
            expected.add(SettingsReader.parse("bitwardenExpectedItems", ref, SecretRef::parse));
        }
        if (expected.isEmpty()) {
            throw new ConfigException("bitwardenExpectedItems", "must list the items phase 1 migrates (bw:ITEM#FIELD)");
        }
        return new SecretSettings(List.copyOf(expected), in.list("legacyEndpoints"));
    }
}
