package io.ticketing.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import tools.jackson.databind.JsonNode;

/**
 * The show index in Elasticsearch, through the Java client ({@link SearchClientConfiguration}): the search itself, the
 * versioned writes, and the index and alias management of a rebuild. Every failure, Elasticsearch not answering or
 * answering with an error, is a {@link SearchUnavailableException}.
 */
@Component
public class SearchIndex {

    private final ElasticsearchClient client;
    private final String alias;

    SearchIndex(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.alias = properties.alias();
    }

    public String alias() {
        return alias;
    }

    /** The concrete index behind the alias, if the alias exists. */
    public Optional<String> aliasedIndex() {
        return call("look up alias " + alias, () -> unlessMissing(
                () -> client.indices().getAlias(get -> get.name(alias)).aliases().keySet().stream().findFirst(),
                Optional.empty()));
    }

    /** Creates an index with the show mapping (from {@code search/show-index.json}). */
    public void createIndex(String name) {
        call("create index " + name, () -> {
            try (InputStream mapping = SearchIndex.class.getResourceAsStream("/search/show-index.json")) {
                return client.indices().create(create -> create.index(name).withJson(mapping));
            }
        });
    }

    /** Points the alias at {@code index} in one atomic step, away from whatever it pointed at. */
    public void pointAliasAt(String index, Optional<String> previous) {
        call("point alias at " + index, () -> client.indices().updateAliases(update -> {
            previous.ifPresent(old -> update.actions(action -> action.remove(from -> from.index(old).alias(alias))));
            return update.actions(action -> action.add(to -> to.index(index).alias(alias)));
        }));
    }

    public void deleteIndex(String name) {
        call("delete index " + name,
                () -> unlessMissing(() -> client.indices().delete(delete -> delete.index(name)), null));
    }

    public long count(String index) {
        return call("count", () -> client.count(count -> count.index(index)).count());
    }

    /** Makes everything written so far searchable now rather than at the next periodic refresh. */
    public void refresh(String index) {
        call("refresh", () -> client.indices().refresh(refresh -> refresh.index(index)));
    }

    /** Searches through the alias with a request written as the JSON of the Elasticsearch reference. */
    public SearchResponse<JsonNode> search(JsonNode request) {
        return call("search", () -> client.search(search -> search.index(alias)
                .withJson(new StringReader(request.toString())), JsonNode.class));
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
        List<BulkOperation> operations = writes.stream().map(write -> operation(index, write)).toList();
        var result = call("bulk", () -> client.bulk(bulk -> bulk.operations(operations).requireAlias(isAlias)));
        if (result.errors()) {
            for (BulkResponseItem outcome : result.items()) {
                int status = outcome.status();
                if (status >= 300 && status != 409 && status != 404) {
                    throw new SearchUnavailableException("Elasticsearch refused a write: " + outcome.error(), null);
                }
            }
        }
    }

    /** A document to index under an id, or a deletion when {@code document} is null. */
    public record Write(String id, long version, JsonNode document) {
    }

    private static BulkOperation operation(String index, Write write) {
        if (write.document() == null) {
            return BulkOperation.of(operation -> operation.delete(delete -> delete.index(index).id(write.id())
                    .version(write.version()).versionType(VersionType.ExternalGte)));
        }
        return BulkOperation.of(operation -> operation.index(document -> document.index(index).id(write.id())
                .version(write.version()).versionType(VersionType.ExternalGte).document(write.document())));
    }

    private static <T> T call(String what, Request<T> request) {
        try {
            return request.send();
        }
        catch (ElasticsearchException ex) {
            throw new SearchUnavailableException("Elasticsearch failed to " + what + ": HTTP " + ex.status() + " "
                    + ex.error().type() + ": " + ex.error().reason(), ex);
        }
        catch (IOException ex) {
            throw new SearchUnavailableException("Elasticsearch did not answer (" + what + "): " + ex.getMessage(), ex);
        }
    }

    /** The request's answer, or {@code missing} when Elasticsearch answers that there is no such alias or index. */
    private static <T> T unlessMissing(Request<T> request, T missing) throws IOException {
        try {
            return request.send();
        }
        catch (ElasticsearchException ex) {
            if (ex.status() == 404) {
                return missing;
            }
            throw ex;
        }
    }

    /** One call of the client: it throws {@link IOException} when no node answered. */
    @FunctionalInterface
    private interface Request<T> {

        T send() throws IOException;
    }
}
