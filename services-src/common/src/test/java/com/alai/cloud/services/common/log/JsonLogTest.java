package com.alai.cloud.services.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.testing.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonLogTest {
    @Test
    void hostileFieldValuesStayInsideOneWellFormedJsonLine() {
        try (var capture = LogCapture.start()) {
            String hostile = "quote\" backslash\\ newline\n\"forged\":\"x\" tab\t nul\u0000 bell\u0007 sep\u2028 bee\uD83D\uDC1D";
            var fields = new LinkedHashMap<String, Object>();
            fields.put("path", hostile);
            fields.put("status", 404);
            fields.put("ok", false);
            fields.put("we\"ird", null);
            new JsonLog("svc").info(hostile, fields);
            assertThat(capture.text().lines()).hasSize(1);
            JsonNode line = capture.lines().get(0);
            assertThat(line.get("msg").asText()).isEqualTo(hostile);
            assertThat(line.get("path").asText()).isEqualTo(hostile);
            assertThat(line.get("status").asInt()).isEqualTo(404);
            assertThat(line.get("ok").asBoolean()).isFalse();
            assertThat(line.get("we\"ird").asText()).isEqualTo("null");
            assertThat(line.get("level").asText()).isEqualTo("info");
            assertThat(line.get("logger").asText()).isEqualTo("service.svc");
        }
    }

    @Test
    void libraryWarningsAreJsonLinesWithTheRequestIdAndTheirInfoIsNot() {
        try (var capture = LogCapture.start()) {
            MDC.put("requestId", "r-1");
            try {
                LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").info("pool chatter");
                LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("connection lost",
                        new java.sql.SQLException("server closed the connection", "08006"));
                java.util.logging.Logger.getLogger("io.helidon.webserver").warning("helidon says");
            } finally {
                MDC.remove("requestId");
            }
            assertThat(capture.lines()).extracting(l -> l.path("msg").asText()).containsExactly("connection lost", "helidon says");
            JsonNode warning = capture.lines().get(0);
            assertThat(warning.path("level").asText()).isEqualTo("warn");
            assertThat(warning.path("requestId").asText()).isEqualTo("r-1");
            assertThat(warning.path("error").asText()).isEqualTo("java.sql.SQLException");
        }
    }
}
