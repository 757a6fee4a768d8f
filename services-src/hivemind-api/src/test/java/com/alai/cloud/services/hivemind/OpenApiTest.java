package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alai.cloud.services.common.http.Dispatcher;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.rest.TopicRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void theServedOpenApiDocumentDescribesExactlyTheRoutes() throws Exception {
        var f = Fixture.INSTANCE;
        JsonNode doc = Fixture.json(f.send(HttpRequest.newBuilder(URI.create(Fixture.url(f.a, "/openapi.json")))).body());
        var documented = new TreeSet<String>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                documented.add(m.toUpperCase() + " " + path.getKey());
            }
        }));
        var routes = new TopicRoutes(null, null, null, null, null, 1024, new byte[0]).routes();
        new Dispatcher(routes, null, () -> true, new JsonLog("t", new PrintStream(OutputStream.nullOutputStream())), 1024);
        var served = new TreeSet<String>();
        routes.all().forEach(r -> served.add(r.method() + " " + r.template()));
        assertEquals(served, documented);
    }
}
