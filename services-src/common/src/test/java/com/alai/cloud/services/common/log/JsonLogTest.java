package com.alai.cloud.services.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class JsonLogTest {
    @Test
    void hostileFieldValuesStayInsideOneWellFormedJsonLine() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var log = new JsonLog("svc", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String hostile = "quote\" backslash\\ newline\n\"forged\":\"x\" tab\t nul\u0000 bell\u0007 sep\u2028 bee\uD83D\uDC1D";
        var fields = new LinkedHashMap<String, Object>();
        fields.put("path", hostile);
        fields.put("status", 404);
        fields.put("ok", false);
        fields.put("we\"ird", null);
        log.info(hostile, fields);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        JsonNode line = new ObjectMapper().readTree(text);
        assertEquals(hostile, line.get("msg").asText());
        assertEquals(hostile, line.get("path").asText());
        assertEquals(404, line.get("status").asInt());
        assertEquals(false, line.get("ok").asBoolean());
        assertEquals("null", line.get("we\"ird").asText());
        assertEquals("info", line.get("level").asText());
        assertEquals("svc", line.get("service").asText());
    }
}
