package dev.cairn.server.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The routes of one edge, with their path templates compiled for the 404/405 decision. */
final class Routes {
    private final List<Route> routes;
    private final List<Pattern> patterns = new ArrayList<>();

    Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Set<String> keys = new HashSet<>();
        for (Route route : this.routes) {
            if (!keys.add(route.method() + " " + normalise(route.path()))) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.path());
            }
            patterns.add(compile(route.path()));
        }
    }

    List<Route> all() {
        return routes;
    }

    /** The methods of the routes whose template matches {@code path}, as an {@code Allow} value; empty if none. */
    String allowedMethods(String path) {
        EnumSet<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
        for (int i = 0; i < routes.size(); i++) {
            if (patterns.get(i).matcher(path).matches()) {
                methods.add(routes.get(i).method());
            }
        }
        return methods.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A template with every parameter named alike, so that two templates matching the same paths collide. */
    private static String normalise(String template) {
        return template.replaceAll("\\{[^}]+}", "{}");
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
