package io.ticketing.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Elasticsearch REST API, as far as the show index needs it. Deliberately small and explicit: the
 * queries are the JSON of the Elasticsearch reference, and nothing here depends on the client library's
 * version matching the server's (ADR 6).
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    private final ElasticsearchProperties properties;
    private final JsonMapper json;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();

    SearchIndex(ElasticsearchProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        var http = HttpClient.newBuilder().connectTimeout(properties.timeout());
        if (properties.caCertificate() != null) {
            http.sslContext(TrustedCertificates.sslContext(properties.caCertificate()));
        }
        this.http = http.build();
    }

    public String alias() {
        return properties.alias();
    }

    /** The concrete index behind the alias, if the alias exists. */
    public Optional<String> aliasedIndex() {
        var response = call("GET", "/_alias/" + properties.alias(), null, JSON);
        if (response.status() == 404) {
            return Optional.empty();
        }
        var names = new ArrayList<String>();
        response.body().propertyNames().forEach(names::add);
        return names.stream().findFirst();
    }

    /** Creates an index with the show mapping (from {@code search/show-index.json}). */
    public void createIndex(String name) {
        try (InputStream mapping = SearchIndex.class.getResourceAsStream("/search/show-index.json")) {
            ok(call("PUT", "/" + name, json.readTree(mapping), JSON), "create index " + name);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Points the alias at {@code index} in one atomic step, away from whatever it pointed at. */
    public void pointAliasAt(String index, Optional<String> previous) {
        ObjectNode body = json.createObjectNode();
        var actions = body.putArray("actions");
        previous.ifPresent(old -> actions.addObject().putObject("remove").put("index", old).put("alias", alias()));
        actions.addObject().putObject("add").put("index", index).put("alias", alias());
        ok(call("POST", "/_aliases", body, JSON), "point alias at " + index);
    }

    public void deleteIndex(String name) {
        var response = call("DELETE", "/" + name, null, JSON);
        if (response.status() != 404) {
            ok(response, "delete index " + name);
        }
    }

    public long count(String index) {
        return ok(call("GET", "/" + index + "/_count", null, JSON), "count").body().path("count").asLong();
    }

    /** Makes everything written so far searchable now rather than at the next periodic refresh. */
    public void refresh(String index) {
        ok(call("POST", "/" + index + "/_refresh", null, JSON), "refresh");
    }

    public JsonNode search(JsonNode query) {
        return ok(call("POST", "/" + alias() + "/_search", query, JSON), "search").body();
    }

    /**
     * Writes documents and deletions with external versions: a write older than what the index holds is
     * dropped by Elasticsearch (a version conflict, which is the point and not an error). Writes through
     * an alias that does not exist (yet) are dropped rather than creating an index of that name.
     */
    public void bulk(String index, boolean isAlias, List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        var body = new StringBuilder();
        for (Write write : writes) {
            ObjectNode meta = json.createObjectNode();
            meta.putObject(write.document() == null ? "delete" : "index")
                    .put("_index", index)
                    .put("_id", write.id())
                    .put("version", write.version())
                    .put("version_type", "external_gte");
            body.append(json.writeValueAsString(meta)).append('\n');
            if (write.document() != null) {
                body.append(json.writeValueAsString(write.document())).append('\n');
            }
        }
        JsonNode result = ok(call("POST", "/_bulk" + (isAlias ? "?require_alias=true" : ""), body.toString(), NDJSON), "bulk").body();
        if (result.path("errors").asBoolean()) {
            for (JsonNode item : result.path("items")) {
                JsonNode outcome = item.values().iterator().next();
                int status = outcome.path("status").asInt();
                if (status >= 300 && status != 409 && status != 404) {
                    throw new SearchUnavailableException("Elasticsearch refused a write: " + outcome.path("error"), null);
                }
            }
        }
    }

    /** A document to index under an id, or a deletion when {@code document} is null. */
    public record Write(String id, long version, JsonNode document) {
    }

    private Response ok(Response response, String what) {
        if (response.status() >= 300) {
            throw new SearchUnavailableException("Elasticsearch failed to " + what + ": HTTP " + response.status()
                    + " " + response.body(), null);
        }
        return response;
    }

    private Response call(String method, String path, Object body, String contentType) {
        List<URI> uris = properties.uris();
        SearchUnavailableException failure = null;
        for (int attempt = 0; attempt < uris.size(); attempt++) {
            URI base = uris.get(Math.floorMod(next.getAndIncrement(), uris.size()));
            try {
                return send(base, method, path, body, contentType);
            }
            catch (IOException ex) {
                log.debug("Elasticsearch at {} did not answer: {}", base, ex.toString());
                failure = new SearchUnavailableException("Elasticsearch at " + base + " did not answer", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SearchUnavailableException("Interrupted while calling Elasticsearch", ex);
            }
        }
        throw failure;
    }

    private Response send(URI base, String method, String path, Object body, String contentType)
            throws IOException, InterruptedException {
        String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(properties.timeout())
                .header("Accept", JSON)
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (text != null) {
            request.header("Content-Type", contentType);
        }
        if (properties.authorization() != null) {
            request.header("Authorization", properties.authorization());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode parsed = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        return new Response(response.statusCode(), parsed);
    }

    private record Response(int status, JsonNode body) {
    }
}
