package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.auth.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's routes: method + path template ({@code /tasks/{id}}), who may call each ({@link Access}; null for a
 * public route), plain or streaming. Unknown paths are 404 and known paths under another method 405, as problem+json.
 */
public final class Routes {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    @FunctionalInterface
    public interface StreamHandler {
        void stream(Request request, EventStream events) throws Exception;
    }

    /**
     * A handler that decides late between a complete response (returned, e.g. a problem found before any byte was
     * sent) and a stream of its own content type (opened through {@code opener}; then it returns null).
     */
    @FunctionalInterface
    public interface OpenHandler {
        Response handle(Request request, StreamOpener opener) throws Exception;
    }

    /** Sends 200 with these headers (Content-Type among them) and returns the body, which the handler flushes. */
    @FunctionalInterface
    public interface StreamOpener {
        java.io.OutputStream open(Map<String, String> headers) throws java.io.IOException;
    }

    public record Route(String method, String template, Pattern pattern, List<String> names, Access access,
                        Handler handler, StreamHandler streamHandler, OpenHandler openHandler) {
        public boolean authenticated() {
            return access != null;
        }
    }

    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes get(String template, Handler handler) {
        return add("GET", template, Access.AUTHENTICATED, handler, null);
    }

    public Routes get(String template, Access access, Handler handler) {
        return add("GET", template, access, handler, null);
    }

    public Routes post(String template, Handler handler) {
        return add("POST", template, Access.AUTHENTICATED, handler, null);
    }

    public Routes post(String template, Access access, Handler handler) {
        return add("POST", template, access, handler, null);
    }

    public Routes patch(String template, Handler handler) {
        return add("PATCH", template, Access.AUTHENTICATED, handler, null);
    }

    public Routes patch(String template, Access access, Handler handler) {
        return add("PATCH", template, access, handler, null);
    }

    public Routes put(String template, Handler handler) {
        return add("PUT", template, Access.AUTHENTICATED, handler, null);
    }

    public Routes put(String template, Access access, Handler handler) {
        return add("PUT", template, access, handler, null);
    }

    public Routes delete(String template, Handler handler) {
        return add("DELETE", template, Access.AUTHENTICATED, handler, null);
    }

    public Routes delete(String template, Access access, Handler handler) {
        return add("DELETE", template, access, handler, null);
    }

    public Routes publicGet(String template, Handler handler) {
        return add("GET", template, null, handler, null);
    }

    /**
     * A GET whose template ends in a parameter that takes the rest of the path, slashes included ({@code
     * /v1/raw/{path}} matches {@code /v1/raw/a/b.md}): a file path. The handler must validate it as one.
     */
    public Routes getRestOfPath(String template, Access access, Handler handler) {
        if (!template.matches(".*\\{[a-zA-Z]+}")) {
            throw new IllegalArgumentException(template + " does not end in a parameter");
        }
        return add("GET", template, access, handler, null, null, true);
    }

    /** A long-lived server-sent-events stream. */
    public Routes stream(String template, StreamHandler handler) {
        return add("GET", template, Access.AUTHENTICATED, null, handler);
    }

    public Routes stream(String template, Access access, StreamHandler handler) {
        return add("GET", template, access, null, handler);
    }

    /** A route that may answer with a stream of any content type; {@code access} null makes it public. */
    public Routes open(String method, String template, Access access, OpenHandler handler) {
        return add(method, template, access, null, null, handler, false);
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    private Routes add(String method, String template, Access access, Handler handler, StreamHandler stream) {
        return add(method, template, access, handler, stream, null, false);
    }

    private Routes add(String method, String template, Access access, Handler handler, StreamHandler stream,
                       OpenHandler open, boolean restOfPath) {
        var names = new ArrayList<String>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
        var regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            boolean rest = restOfPath && m.end() == template.length();
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(rest ? "(.+)" : "([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), access,
                handler, stream, open));
        return this;
    }

    /** The route for a request; a path known under another method is a 405, an unknown path a 404. */
    public Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                var params = new LinkedHashMap<String, String>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), m.group(i + 1));
                }
                return new Match(route, params);
            }
        }
        throw pathKnown ? ApiException.methodNotAllowed(method + " is not allowed on " + path)
                : ApiException.notFound("no resource at " + path);
    }

    public Optional<Route> find(String method, String template) {
        return routes.stream().filter(r -> r.method().equals(method) && r.template().equals(template)).findFirst();
    }
}
