package io.ticketing.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public entry as the benchmark sees it: one HTTP/1.1 client whose connections are reused
 * across requests and which accepts gzip, as a browser or client app would.
 */
public final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    public Gateway(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI base() {
        return base;
    }

    /** @param path the path and query, such as {@code /api/v1/cities} */
    public Response get(String path, String apiKey) throws IOException, InterruptedException {
        return get(path, apiKey, null);
    }

    /** @param session a customer's session token ({@link Sessions}); null for none */
    public Response get(String path, String apiKey, String session) throws IOException, InterruptedException {
        return send(request(path, apiKey, session).GET().build());
    }

    public Response post(String path, String apiKey, Object body) throws IOException, InterruptedException {
        return post(path, apiKey, null, body);
    }

    /** @param session a customer's session token ({@link Sessions}); null for none */
    public Response post(String path, String apiKey, String session, Object body) throws IOException, InterruptedException {
        return post(path, apiKey, session, Map.of(), body);
    }

    /**
     * @param session a customer's session token ({@link Sessions}); null for none
     * @param headers more headers, such as a waiting room's admission token
     */
    public Response post(String path, String apiKey, String session, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, apiKey, session);
        headers.forEach(request::header);
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    public Response put(String path, String apiKey, Object body) throws IOException, InterruptedException {
        return send(request(path, apiKey, null)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    /** @param session a customer's session token ({@link Sessions}) */
    public Response delete(String path, String apiKey, String session) throws IOException, InterruptedException {
        return send(request(path, apiKey, session).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String apiKey, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("X-API-Key", apiKey);
        return session == null ? request : request.header("Authorization", "Bearer " + session);
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = unzipped.readAllBytes();
            }
        }
        return new Response(response.statusCode(), body, response.headers());
    }

    /** A query parameter value, encoded for a URL ({@code %20} for blanks, which every server reads alike). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public record Response(int status, byte[] body, HttpHeaders headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The machine-readable {@code code} of a problem+json answer; null when there is none. */
        public String problemCode() {
            try {
                String code = json().path("code").asString(null);
                return code == null || code.isBlank() ? null : code;
            }
            catch (RuntimeException notJson) {
                return null;
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
