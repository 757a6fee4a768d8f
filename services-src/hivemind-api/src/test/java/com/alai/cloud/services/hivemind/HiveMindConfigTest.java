package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WebSocket intervals are validated at start, and a bad one is refused by name. */
class HiveMindConfigTest {
    private static HiveMindConfig config(String name, String value) {
        var env = new HashMap<>(Map.of("DATABASE_URL", "postgres://u:p@localhost:5432/hivemind",
                "OIDC_ISSUER", "http://localhost/issuer", "OIDC_AUDIENCE", "api://x"));
        env.put(name, value);
        return HiveMindConfig.from(new Env(env));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"HIVEMIND_WS_PING_SECONDS, 0", "HIVEMIND_WS_PING_SECONDS, 121", "HIVEMIND_WS_PING_SECONDS, soon",
            "HIVEMIND_WS_CLOSE_SECONDS, 0", "HIVEMIND_WS_CLOSE_SECONDS, 61"})
    void anIntervalOutsideItsRangeIsRefusedNamingTheVariable(String name, String value) {
        var error = assertThrows(ConfigError.class, () -> config(name, value));
        assertTrue(error.getMessage().contains(name), error.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"HIVEMIND_WS_PING_SECONDS, 7", "HIVEMIND_WS_CLOSE_SECONDS, 3"})
    void anIntervalInRangeIsTaken(String name, String value) {
        var config = config(name, value);
        assertEquals(Integer.parseInt(value),
                name.endsWith("PING_SECONDS") ? config.wsPingSeconds() : config.wsCloseSeconds());
    }
}
