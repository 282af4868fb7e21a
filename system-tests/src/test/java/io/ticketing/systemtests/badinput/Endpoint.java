package io.ticketing.systemtests.badinput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One public endpoint as the bad-input suite sees it: method, path template with valid values for its
 * parameters, the key it needs, and — for writes — a valid body, from which every malformed variant is
 * derived. Fields that may be left out are named by JSON pointer ({@code /rating}).
 */
public record Endpoint(String method, String template, Key key, Map<String, String> pathValues, Object validBody,
        Set<String> optionalFields) {

    /** CUSTOMER: the client key and a customer session token. */
    public enum Key {
        CLIENT, ADMIN, CUSTOMER
    }

    public static Endpoint get(String template, Key key) {
        return new Endpoint("GET", template, key, Map.of(), null, Set.of());
    }

    public static Endpoint post(String template, Key key, Object validBody) {
        return new Endpoint("POST", template, key, Map.of(), validBody, Set.of());
    }

    public static Endpoint put(String template, Key key, Object validBody) {
        return new Endpoint("PUT", template, key, Map.of(), validBody, Set.of());
    }

    public static Endpoint delete(String template, Key key) {
        return delete(template, key, null);
    }

    public static Endpoint delete(String template, Key key, Object validBody) {
        return new Endpoint("DELETE", template, key, Map.of(), validBody, Set.of());
    }

    /** A valid value for the path parameter {@code {name}}. */
    public Endpoint with(String name, String value) {
        var values = new LinkedHashMap<>(pathValues);
        values.put(name, value);
        return new Endpoint(method, template, key, Map.copyOf(values), validBody, optionalFields);
    }

    /** Fields (JSON pointers) that a valid body may leave out or set to null. */
    public Endpoint optional(String... pointers) {
        return new Endpoint(method, template, key, pathValues, validBody, Set.of(pointers));
    }

    /** The path with every parameter replaced by {@code override} where given, else by its valid value. */
    String path(String parameter, String override) {
        String path = template;
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}",
                    value.getKey().equals(parameter) ? override : value.getValue());
        }
        return path;
    }

    String validPath() {
        return path(null, null);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
