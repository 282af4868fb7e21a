package io.ticketing.catalog.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.ticketing.events.catalog.CatalogChanged;
import io.ticketing.starter.RequestRejectedException;

/**
 * Keeps the show index equal to the catalog's database. Everything goes through {@link #sync}: read the
 * current state of some shows from PostgreSQL, write it to the index. That makes every caller idempotent and
 * order-independent, whether it is a catalog event, an availability report or a full rebuild.
 */
@Service
public class ShowIndexer {

    private static final Logger log = LoggerFactory.getLogger(ShowIndexer.class);
    private static final int BATCH = 500;
    /** A rebuild that has not finished in this time is taken to have died with its instance. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

    private final SearchIndex index;
    private final ShowDocuments documents;
    private final JdbcClient jdbc;
    private final SearchIndexLag lag;
    private final Clock clock;

    ShowIndexer(SearchIndex index, ShowDocuments documents, JdbcClient jdbc, SearchIndexLag lag, Clock clock) {
        this.index = index;
        this.documents = documents;
        this.jdbc = jdbc;
        this.lag = lag;
        this.clock = clock;
    }

    /**
     * As {@link #sync(Collection)}, for catalog changes the oldest of which happened at {@code oldestChange}: until
     * they are written (a failure is retried by the caller), the index counts as that far behind
     * ({@code ticketing.search.index.lag}).
     */
    public void sync(Collection<UUID> showIds, Instant oldestChange) {
        lag.indexing(oldestChange);
        sync(showIds);
        lag.indexed();
    }

    /** Brings the documents of these shows up to date, in the live index and in one being rebuilt. */
    public void sync(Collection<UUID> showIds) {
        if (showIds.isEmpty()) {
            return; // a batch of other services' events: nothing to read, not even the rebuild state
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(showIds));
        Optional<String> building = rebuildInProgress().map(Rebuild::index);
        for (int from = 0; from < ids.size(); from += BATCH) {
            var writes = documents.writes(ids.subList(from, Math.min(ids.size(), from + BATCH)));
            index.bulk(index.alias(), true, writes);
            building.ifPresent(target -> index.bulk(target, false, writes));
        }
    }

    /** The shows whose documents depend on what a catalog change touched. */
    public List<UUID> showsAffectedBy(CatalogChanged change) {
        return documents.showsOf(change.entity(), change.entityId());
    }

    /**
     * Creates the index and its alias on first start, filled with whatever shows the catalog has (after
     * Elasticsearch lost its data, too). Of several instances starting together, one does it.
     *
     * @throws RequestRejectedException {@code REBUILD_RUNNING} while another instance is building it
     */
    public void ensureIndex() {
        if (index.aliasedIndex().isEmpty()) {
            rebuild(start());
        }
    }

    /**
     * Claims the rebuild: creates the new index and records it, so that changes from now on are also
     * written into it. Only one rebuild runs at a time across all instances.
     */
    public Rebuild start() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM search_index_build WHERE alias = ? AND started_at < ?")
                .params(index.alias(), now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC)).update();
        var rebuild = new Rebuild(newIndexName(), now);
        int claimed = jdbc.sql("""
                INSERT INTO search_index_build (alias, index_name, started_at) VALUES (?, ?, ?)
                ON CONFLICT (alias) DO NOTHING""")
                .params(index.alias(), rebuild.index(), now.atOffset(ZoneOffset.UTC)).update();
        if (claimed == 0) {
            throw RequestRejectedException.conflict("REBUILD_RUNNING", "A rebuild of the search index is running");
        }
        try {
            index.createIndex(rebuild.index());
        }
        catch (RuntimeException ex) {
            finish();
            throw ex;
        }
        return rebuild;
    }

    /**
     * Copies every show into the new index, points the alias at it and deletes the old index. Changes made
     * meanwhile reach the new index through {@link #sync}; document versions settle any race between the
     * copy and them.
     *
     * @return the number of shows indexed
     */
    public long rebuild(Rebuild rebuild) {
        try {
            long count = 0;
            UUID after = new UUID(0, 0);
            List<UUID> page;
            while (!(page = documents.showIdsAfter(after, BATCH)).isEmpty()) {
                index.bulk(rebuild.index(), false, documents.writes(page));
                count += page.size();
                after = page.getLast();
            }
            index.refresh(rebuild.index());
            Optional<String> previous = index.aliasedIndex();
            index.pointAliasAt(rebuild.index(), previous);
            previous.filter(old -> !old.equals(rebuild.index())).ifPresent(index::deleteIndex);
            log.info("Rebuilt search index {} with {} shows in {} ms", rebuild.index(), count,
                    Duration.between(rebuild.startedAt(), clock.instant()).toMillis());
            return count;
        }
        catch (RuntimeException ex) {
            log.error("Rebuilding search index {} failed; the previous index stays in use", rebuild.index(), ex);
            index.deleteIndex(rebuild.index());
            throw ex;
        }
        finally {
            finish();
        }
    }

    /** What the index looks like now. */
    public State state() {
        Optional<String> live = index.aliasedIndex();
        return new State(index.alias(), live.orElse(null), live.map(index::count).orElse(0L),
                rebuildInProgress().orElse(null));
    }

    public record Rebuild(String index, Instant startedAt) {
    }

    public record State(String alias, String index, long documents, Rebuild rebuilding) {
    }

    private Optional<Rebuild> rebuildInProgress() {
        return jdbc.sql("SELECT index_name, started_at FROM search_index_build WHERE alias = ?")
                .param(index.alias())
                .query((rs, n) -> new Rebuild(rs.getString("index_name"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private void finish() {
        jdbc.sql("DELETE FROM search_index_build WHERE alias = ?").param(index.alias()).update();
    }

    private String newIndexName() {
        return index.alias() + "-" + clock.millis();
    }
}
