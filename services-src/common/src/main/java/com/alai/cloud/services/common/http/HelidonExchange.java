package com.alai.cloud.services.common.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Helidon request and response as the {@link Dispatcher} sees an exchange. */
final class HelidonExchange implements Exchange {
    private final ServerRequest req;
    private final ServerResponse res;
    private Map<String, List<String>> headers;

    HelidonExchange(ServerRequest req, ServerResponse res) {
        this.req = req;
        this.res = res;
    }

    @Override
    public String method() {
        return req.prologue().method().text();
    }

    @Override
    public String rawPath() {
        return req.path().rawPath();
    }

    @Override
    public String rawQuery() {
        String raw = req.query().rawValue();
        return raw == null || raw.isEmpty() ? null : raw;
    }

    @Override
    public Map<String, List<String>> headers() {
        if (headers == null) {
            var copy = new LinkedHashMap<String, List<String>>();
            for (Header h : req.headers()) {
                copy.put(h.name(), h.allValues());
            }
            headers = copy;
        }
        return headers;
    }

    @Override
    public String header(String name) {
        return req.headers().first(HeaderNames.create(name)).orElse(null);
    }

    @Override
    public InputStream body() {
        return req.content().inputStream();
    }

    @Override
    public void respond(Response response) {
        res.status(response.status());
        if (response.contentType() != null) {
            res.header("Content-Type", response.contentType());
        }
        response.headers().forEach(res::header);
        if (response.body().length == 0 || response.status() == 204) {
            res.send();
        } else {
            res.send(response.body());
        }
    }

    @Override
    public OutputStream openStream(Map<String, String> headers) {
        headers.forEach(res::header);
        return res.outputStream();
    }
}
