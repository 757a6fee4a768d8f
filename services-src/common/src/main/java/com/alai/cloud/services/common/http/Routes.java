package com.alai.cloud.services.common.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's routes: method + path template ({@code /tasks/{id}}), public or authenticated, plain or streaming. */
public final class Routes {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    @FunctionalInterface
    public interface StreamHandler {
        void stream(Request request, EventStream events) throws Exception;
    }

    public record Route(String method, String template, Pattern pattern, List<String> names, boolean authenticated,
                        Handler handler, StreamHandler streamHandler) {
    }

    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes get(String template, Handler handler) {
        return add("GET", template, true, handler, null);
    }

    public Routes post(String template, Handler handler) {
        return add("POST", template, true, handler, null);
    }

    public Routes patch(String template, Handler handler) {
        return add("PATCH", template, true, handler, null);
    }

    public Routes put(String template, Handler handler) {
        return add("PUT", template, true, handler, null);
    }

    public Routes delete(String template, Handler handler) {
        return add("DELETE", template, true, handler, null);
    }

    public Routes publicGet(String template, Handler handler) {
        return add("GET", template, false, handler, null);
    }

    /** A long-lived server-sent-events stream. */
    public Routes stream(String template, StreamHandler handler) {
        return add("GET", template, true, null, handler);
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    private Routes add(String method, String template, boolean authenticated, Handler handler, StreamHandler stream) {
        var names = new ArrayList<String>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
        var regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), authenticated,
                handler, stream));
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
