package com.alai.cloud.services.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange as the server presents it to the {@link Dispatcher} (Helidon's, in {@link HelidonExchange}); the
 * dispatcher depends on this, not on Helidon. Raw path and query are still percent-encoded.
 */
public interface Exchange {
    String method();

    String rawPath();

    /** The raw query string, or null when there is none. */
    String rawQuery();

    Map<String, List<String>> headers();

    InputStream body();

    /** Sends a complete response. */
    void respond(Response response) throws IOException;

    /** Sends 200 with these headers and returns the open body, for a stream that ends when the handler returns. */
    OutputStream openStream(Map<String, String> headers) throws IOException;

    default String header(String name) {
        for (var e : headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
