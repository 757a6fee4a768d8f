package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.testing.OpenApiContract;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void theServedOpenApiDocumentDescribesExactlyTheRoutesAndPassesRedoclyLint() throws Exception {
        var f = Fixture.INSTANCE;
        String served = f.send(HttpRequest.newBuilder(URI.create(Fixture.url(f.a, "/openapi.json")))).body();
        OpenApiContract.assertDescribes(served.getBytes(StandardCharsets.UTF_8), f.a.service().routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(HiveMindApi.class, "/hivemind-api/openapi.json"));
    }
}
