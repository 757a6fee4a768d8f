package com.alai.cloud.components.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-bound resource token must be one the azure-native provider in the build serves: the provider's typed
 * Server class lists every API version of the resource as an alias, so its constant pool is the provider's own list.
 */
class FlexibleServerTypeTest {

    @Test
    void theBoundTokenIsAnApiVersionTheProviderInTheBuildServes() throws Exception {
        String constants;
        try (InputStream in = com.pulumi.azurenative.dbforpostgresql.Server.class
                .getResourceAsStream("Server.class")) {
            constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(constants).contains(FlexibleServer.TYPE);
        assertThat(constants).doesNotContain("azure-native:dbforpostgresql/v20230601preview:Server");
    }
}
