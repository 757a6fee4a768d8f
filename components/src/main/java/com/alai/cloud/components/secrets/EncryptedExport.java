package com.alai.cloud.components.secrets;

import com.alai.cloud.services.bitwarden.crypto.CryptoException;
import com.alai.cloud.services.bitwarden.crypto.EncString;
import com.alai.cloud.services.bitwarden.crypto.Kdf;
import com.alai.cloud.services.bitwarden.crypto.SymmetricKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a password-protected Bitwarden export (`bw export --format encrypted_json --password …`) offline: the key is
 * PBKDF2-SHA256(password, salt, iterations), stretched with HKDF-Expand into an AES key and a MAC key; `data` is an
 * EncString of type 2. The crypto is the `bitwarden` module's, the same the secrets proxy reads the vault with.
 * Only item names ever leave this class.
 */
public final class EncryptedExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an export holds, by name only. */
    public record Contents(int items, List<String> names, int folders) {
    }

    private EncryptedExport() {
    }

    public static Contents open(String exportJson, char[] password) {
        JsonNode root;
        try {
            root = JSON.readTree(exportJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Bitwarden export: the file is not JSON");
        }
        if (!root.path("encrypted").asBoolean() || !root.path("passwordProtected").asBoolean()) {
            throw new IllegalArgumentException("not a password-protected export (bw export --format encrypted_json --password …)");
        }
        if (root.path("kdfType").asInt(-1) != 0) {
            throw new IllegalArgumentException("kdfType " + root.path("kdfType").asInt(-1) + " is not supported (PBKDF2 = 0 only)");
        }
        int iterations = root.path("kdfIterations").asInt();
        if (iterations < 5_000 || iterations > 10_000_000) {
            throw new IllegalArgumentException("kdfIterations " + iterations + " is outside 5,000..10,000,000");
        }
        SymmetricKey key = SymmetricKey.stretch(Kdf.pbkdf2(iterations)
                .derive(new String(password), root.path("salt").asText().getBytes(StandardCharsets.UTF_8)));
        if (root.hasNonNull("encKeyValidation_DO_NOT_EDIT")) {
            decrypt(root.path("encKeyValidation_DO_NOT_EDIT").asText(), key);
        }
        String plain = new String(decrypt(root.path("data").asText(), key), StandardCharsets.UTF_8);
        try {
            JsonNode vault = JSON.readTree(plain);
            var names = new ArrayList<String>();
            vault.path("items").forEach(item -> names.add(item.path("name").asText()));
            return new Contents(names.size(), List.copyOf(names), vault.path("folders").size());
        } catch (Exception e) {
            throw new IllegalArgumentException("the export decrypted but does not hold a vault");
        }
    }

    private static byte[] decrypt(String encString, SymmetricKey key) {
        if (encString == null || !encString.startsWith("2.")) {
            throw new IllegalArgumentException("unsupported encryption in the export (expected type 2: AES-CBC-256 + HMAC-SHA256)");
        }
        try {
            return EncString.decrypt(encString, key);
        } catch (CryptoException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("the key does not open")
                    ? "the password does not open this export (or the file was altered)"
                    : "malformed encrypted value in the export");
        }
    }
}
