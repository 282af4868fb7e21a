package io.ticketing.catalog.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ticketing.catalog.demo.LoadReport.Tally;
import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.movie.Movies;
import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.show.Shows;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.Venues;
import io.ticketing.starter.RequestRejectedException;

/**
 * Writes a {@link CatalogDescription} through the catalog's management services, exactly as an admin's
 * requests would: every rule is checked, and every change publishes its event through the outbox, so each
 * show reaches reservation-service and booking-service.
 *
 * <p>Entities go in batches, one transaction each (a few hundred per commit rather than one), on
 * {@value #LANES} lanes at once: most of an entity's time is spent waiting — for the database and for Kafka
 * to acknowledge its event after the commit — and the lanes overlap those waits. All shows of a hall stay
 * in one lane, since scheduling locks the hall. Cities, cinemas, halls, movies and shows load one kind
 * after the other. What already exists, by id, is skipped, so an interrupted load can simply be run again.
 * Shows that start within a minute or have started are left out: a show cannot start in the past. If a
 * batch breaks a rule, its entities are retried one by one and only the offending ones are reported as
 * rejected.
 */
@Component
public class CatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    static final int LANES = 4;
    static final int BATCH = 250;
    /** Halls carry their whole seat layout: smaller batches keep a transaction's memory and time modest. */
    static final int HALL_BATCH = 50;
    private static final Duration START_MARGIN = Duration.ofMinutes(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int REJECTIONS_LOGGED = 10;

    private final Venues venues;
    private final Movies movies;
    private final Shows shows;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogLoader(Venues venues, Movies movies, Shows shows,
            PlatformTransactionManager transactionManager, JdbcClient jdbc, Clock clock) {
        this.venues = venues;
        this.movies = movies;
        this.shows = shows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One kind of entity: where it is stored, how it is created, which lane it takes. */
    private record Kind<T>(String name, String table, Function<T, UUID> id, Function<T, UUID> lane,
            Consumer<T> create, int batchSize) {
    }

    public LoadReport load(CatalogDescription catalog) {
        long started = System.nanoTime();
        log.info("Loading a catalog of {}", catalog.counts());
        var showsInPast = new AtomicInteger();
        try (ExecutorService lanes = Executors.newFixedThreadPool(LANES,
                Thread.ofPlatform().name("catalog-loader-", 1).factory())) {
            Tally cities = load(lanes, catalog.cities(),
                    new Kind<>("cities", "city", City::id, City::id, venues::createCity, BATCH));
            Tally cinemas = load(lanes, catalog.cinemas(),
                    new Kind<>("cinemas", "cinema", Cinema::id, Cinema::id, venues::createCinema, BATCH));
            Tally halls = load(lanes, catalog.halls(), new Kind<>("halls", "hall", Hall::id, Hall::id,
                    hall -> venues.createHall(hall.cinemaId(), hall.id(), hall.name(), hall.layout()), HALL_BATCH));
            Tally movieTally = load(lanes, catalog.movies(),
                    new Kind<>("movies", "movie", Movie::id, Movie::id, movies::create, BATCH));
            // decided batch by batch: during a long load, more of today's shows start
            Function<List<Show.Draft>, List<Show.Draft>> notStarted = batch -> {
                Instant earliest = clock.instant().plus(START_MARGIN);
                List<Show.Draft> upcoming = batch.stream().filter(show -> show.startsAt().isAfter(earliest)).toList();
                showsInPast.addAndGet(batch.size() - upcoming.size());
                return upcoming;
            };
            Tally showTally = load(lanes, catalog.shows(),
                    new Kind<>("shows", "show", Show.Draft::id, Show.Draft::hallId, shows::schedule, BATCH),
                    notStarted);
            var report = new LoadReport(cities, cinemas, halls, movieTally, showTally, showsInPast.get(),
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("Catalog {}", report.summary());
            return report;
        }
    }

    private <T> Tally load(ExecutorService lanes, List<T> items, Kind<T> kind) {
        return load(lanes, items, kind, Function.identity());
    }

    /** @param wanted what of a batch to load at all (the rest is neither created nor counted) */
    private <T> Tally load(ExecutorService lanes, List<T> items, Kind<T> kind, Function<List<T>, List<T>> wanted) {
        var progress = new Progress(kind.name(), items.size());
        List<Future<Tally>> results = new ArrayList<>();
        for (List<T> lane : lanes(items, kind.lane())) {
            results.add(lanes.submit(() -> {
                Tally tally = Tally.NONE;
                for (int from = 0; from < lane.size(); from += kind.batchSize()) {
                    List<T> slice = lane.subList(from, Math.min(lane.size(), from + kind.batchSize()));
                    Tally batch = loadBatch(wanted.apply(slice), kind, progress);
                    tally = tally.plus(batch);
                    progress.done(slice.size(), batch);
                }
                return tally;
            }));
        }
        Tally tally = Tally.NONE;
        for (Future<Tally> result : results) {
            tally = tally.plus(await(result));
        }
        progress.finished(tally);
        return tally;
    }

    /** Items with the same lane key (a show's hall) share a lane; keys go round the lanes in order. */
    private static <T> List<List<T>> lanes(List<T> items, Function<T, UUID> key) {
        Map<UUID, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<List<T>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new ArrayList<>());
        }
        int next = 0;
        for (List<T> group : groups.values()) {
            lanes.get(next++ % LANES).addAll(group);
        }
        return lanes.stream().filter(lane -> !lane.isEmpty()).toList();
    }

    private <T> Tally loadBatch(List<T> batch, Kind<T> kind, Progress progress) {
        Set<UUID> existing = existing(kind.table(), batch.stream().map(kind.id()).toList());
        List<T> missing = batch.stream().filter(item -> !existing.contains(kind.id().apply(item))).toList();
        return new Tally(0, existing.size(), 0).plus(create(missing, kind, progress));
    }

    private <T> Tally create(List<T> items, Kind<T> kind, Progress progress) {
        if (items.isEmpty()) {
            return Tally.NONE;
        }
        try {
            transactions.executeWithoutResult(status -> items.forEach(kind.create()));
            return new Tally(items.size(), 0, 0);
        }
        catch (RequestRejectedException | DataIntegrityViolationException batchFailed) {
            // one of them broke the batch: one by one, to keep the others and name the culprit
            int created = 0;
            int existing = 0;
            int rejected = 0;
            for (T item : items) {
                try {
                    transactions.executeWithoutResult(status -> kind.create().accept(item));
                    created++;
                }
                catch (DataIntegrityViolationException raced) {
                    existing++; // another loader wrote it in the meantime
                }
                catch (RequestRejectedException ex) {
                    rejected++;
                    if (progress.reject() <= REJECTIONS_LOGGED) {
                        log.warn("Rejected {} {}: {} {}", kind.name(), kind.id().apply(item), ex.code(),
                                ex.getMessage());
                    }
                }
            }
            return new Tally(created, existing, rejected);
        }
    }

    private Set<UUID> existing(String table, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // table names come from this class, never from input
        return new HashSet<>(jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids)").param("ids", ids)
                .query(UUID.class).list());
    }

    private static Tally await(Future<Tally> result) {
        try {
            return result.get();
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("Loading failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", ex);
        }
    }

    /** Logs how far a kind of entity has got, at most every ten seconds, and how it ended. Shared by the lanes. */
    private static final class Progress {

        private final String kind;
        private final int total;
        private final long started = System.nanoTime();
        private long lastLogged = started;
        private int done;
        private int created;
        private int rejected;

        Progress(String kind, int total) {
            this.kind = kind;
            this.total = total;
        }

        synchronized void done(int count, Tally batch) {
            done += count;
            created += batch.created();
            long now = System.nanoTime();
            if (done < total && now - lastLogged >= PROGRESS_EVERY.toNanos()) {
                lastLogged = now;
                log.info("  {}: {} of {} ({} created, {}/s)", kind, "%,d".formatted(done), "%,d".formatted(total),
                        "%,d".formatted(created), "%.0f".formatted(created / seconds(now)));
            }
        }

        /** @return how many were rejected so far, this one included */
        synchronized int reject() {
            return ++rejected;
        }

        void finished(Tally tally) {
            log.info("  {}: {} in {} s", kind, tally, "%.1f".formatted(seconds(System.nanoTime())));
        }

        private double seconds(long now) {
            return Math.max(1, now - started) / 1e9;
        }
    }
}
