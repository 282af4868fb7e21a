package io.ticketing.catalog.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import io.ticketing.catalog.movie.MovieManagement;
import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.show.ShowManagement;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.VenueManagement;
import io.ticketing.starter.RequestRejectedException;

/**
 * Writes a {@link CatalogDescription} through the catalog's management services, exactly as an admin's
 * requests would: every rule is checked, and every change publishes its event through the outbox, so each
 * show reaches reservation-service and booking-service.
 *
 * <p>Entities go in batches, one transaction each (a few hundred per commit rather than one, which is what
 * makes 10,000 shows a matter of minutes). What already exists, by id, is skipped, so an interrupted load
 * can simply be run again. Shows that start within a minute or have started are left out: a show cannot
 * start in the past. If a batch breaks a rule, its entities are retried one by one and only the offending
 * ones are reported as rejected.
 */
@Component
public class CatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    static final int BATCH = 250;
    /** Halls carry their whole seat layout: smaller batches keep a transaction's memory and time modest. */
    static final int HALL_BATCH = 50;
    private static final Duration START_MARGIN = Duration.ofMinutes(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int REJECTIONS_LOGGED = 10;

    private final VenueManagement venues;
    private final MovieManagement movies;
    private final ShowManagement shows;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogLoader(VenueManagement venues, MovieManagement movies, ShowManagement shows,
            PlatformTransactionManager transactionManager, JdbcClient jdbc, Clock clock) {
        this.venues = venues;
        this.movies = movies;
        this.shows = shows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LoadReport load(CatalogDescription catalog) {
        long started = System.nanoTime();
        log.info("Loading a catalog of {}", catalog.counts());
        Tally cities = load("cities", "city", catalog.cities(), City::id, venues::createCity, BATCH);
        Tally cinemas = load("cinemas", "cinema", catalog.cinemas(), Cinema::id, venues::createCinema, BATCH);
        Tally halls = load("halls", "hall", catalog.halls(), Hall::id,
                hall -> venues.createHall(hall.cinemaId(), hall.id(), hall.name(), hall.layout()), HALL_BATCH);
        Tally movieTally = load("movies", "movie", catalog.movies(), Movie::id, movies::create, BATCH);
        var showsInPast = new AtomicInteger();
        // decided batch by batch: during a long load, more of today's shows start
        Function<List<Show.Draft>, List<Show.Draft>> notStarted = batch -> {
            Instant earliest = clock.instant().plus(START_MARGIN);
            List<Show.Draft> upcoming = batch.stream().filter(show -> show.startsAt().isAfter(earliest)).toList();
            showsInPast.addAndGet(batch.size() - upcoming.size());
            return upcoming;
        };
        Tally showTally = load("shows", "show", catalog.shows(), Show.Draft::id, shows::schedule, notStarted, BATCH);
        var report = new LoadReport(cities, cinemas, halls, movieTally, showTally, showsInPast.get(),
                Duration.ofNanos(System.nanoTime() - started));
        log.info("Catalog {}", report.summary());
        return report;
    }

    private <T> Tally load(String kind, String table, List<T> items, Function<T, UUID> id, Consumer<T> create,
            int batchSize) {
        return load(kind, table, items, id, create, Function.identity(), batchSize);
    }

    /** @param wanted what of a batch to load at all (the rest is neither created nor counted) */
    private <T> Tally load(String kind, String table, List<T> items, Function<T, UUID> id, Consumer<T> create,
            Function<List<T>, List<T>> wanted, int batchSize) {
        var progress = new Progress(kind, items.size());
        Tally tally = Tally.NONE;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + batchSize));
            List<T> batch = wanted.apply(slice);
            Set<UUID> existing = existing(table, batch.stream().map(id).toList());
            List<T> missing = batch.stream().filter(item -> !existing.contains(id.apply(item))).toList();
            tally = tally.plus(new Tally(0, existing.size(), 0)).plus(create(kind, missing, id, create, progress));
            progress.done(slice.size(), tally);
        }
        progress.finished(tally);
        return tally;
    }

    private <T> Tally create(String kind, List<T> items, Function<T, UUID> id, Consumer<T> create, Progress progress) {
        if (items.isEmpty()) {
            return Tally.NONE;
        }
        try {
            transactions.executeWithoutResult(status -> items.forEach(create));
            return new Tally(items.size(), 0, 0);
        }
        catch (RequestRejectedException | DataIntegrityViolationException batchFailed) {
            // one of them broke the batch: one by one, to keep the others and name the culprit
            int created = 0;
            int existing = 0;
            int rejected = 0;
            for (T item : items) {
                try {
                    transactions.executeWithoutResult(status -> create.accept(item));
                    created++;
                }
                catch (DataIntegrityViolationException raced) {
                    existing++; // another loader wrote it in the meantime
                }
                catch (RequestRejectedException ex) {
                    rejected++;
                    if (progress.rejected() < REJECTIONS_LOGGED) {
                        log.warn("Rejected {} {}: {} {}", kind, id.apply(item), ex.code(), ex.getMessage());
                    }
                    progress.reject();
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

    /** Logs how far a kind of entity has got, at most every ten seconds, and how it ended. */
    private static final class Progress {

        private final String kind;
        private final int total;
        private final long started = System.nanoTime();
        private long lastLogged = started;
        private int done;
        private int rejected;

        Progress(String kind, int total) {
            this.kind = kind;
            this.total = total;
        }

        void done(int count, Tally tally) {
            done += count;
            long now = System.nanoTime();
            if (done < total && now - lastLogged >= PROGRESS_EVERY.toNanos()) {
                lastLogged = now;
                log.info("  {}: {} of {} ({} created, {}/s)", kind, "%,d".formatted(done), "%,d".formatted(total),
                        "%,d".formatted(tally.created()), "%.0f".formatted(tally.created() / seconds(now)));
            }
        }

        void finished(Tally tally) {
            log.info("  {}: {} in {} s", kind, tally, "%.1f".formatted(seconds(System.nanoTime())));
        }

        int rejected() {
            return rejected;
        }

        void reject() {
            rejected++;
        }

        private double seconds(long now) {
            return Math.max(1, now - started) / 1e9;
        }
    }
}
