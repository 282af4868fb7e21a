package io.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for black-box tests: it never throws on a 4xx or 5xx, so tests can assert
 * on every status, header and problem body exactly as a client would see them.
 */
public final class JsonApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Longer than the gateway's longest answer (a 30 s long poll, cut at 45 s), so the gateway answers first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Map<String, String> headers;
    private final boolean asGateway;

    public JsonApi(String baseUrl) {
        this(baseUrl, Map.of(), false);
    }

    private JsonApi(String baseUrl, Map<String, String> headers, boolean asGateway) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.asGateway = asGateway;
    }

    /**
     * A client that calls a service straight as the gateway does: every request signed with the local internal secret
     * over the identity headers it carries ({@link GatewayIdentity}).
     */
    public static JsonApi asGateway(String baseUrl) {
        return new JsonApi(baseUrl, Map.of(), true);
    }

    /** A client that sends {@code name: value} with every request. */
    public JsonApi withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new JsonApi(baseUrl, Map.copyOf(more), asGateway);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    public Response put(String path, Object body) {
        return request("PUT", path, "application/json", JSON.writeValueAsString(body));
    }

    /**
     * Replaces the current version of a versioned resource, as an admin console does: reads its {@code ETag}, then
     * puts the body with it in {@code If-Match}.
     */
    public Response putCurrent(String path, Object body) {
        return withHeader("If-Match", get(path).headers().firstValue("ETag").orElseThrow()).put(path, body);
    }

    public Response postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, any content type, any body (or none): for tests that send what a broken client would. */
    public Response request(String method, String path, String contentType, String body) {
        var builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        if (asGateway) {
            GatewayIdentity.signature(headers.get(GatewayIdentity.CUSTOMER_ID),
                    headers.get(GatewayIdentity.CUSTOMER_EMAIL), headers.get(GatewayIdentity.API_CLIENT))
                    .forEach(builder::header);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** What came back: status, headers and body, with JSON helpers. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return parse(body);
        }

        /** A top-level field as text, or {@code null} when absent. */
        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public boolean isProblem() {
            return headers.firstValue("Content-Type").map(type -> type.startsWith("application/problem+json"))
                    .orElse(false);
        }
    }
}
