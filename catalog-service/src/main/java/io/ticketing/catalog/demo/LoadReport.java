package io.ticketing.catalog.demo;

import java.time.Duration;

/**
 * What a load did, per kind of entity.
 *
 * @param showsInPast shows not scheduled because they start too soon or have started (a show cannot start in
 *                    the past)
 */
public record LoadReport(Tally cities, Tally cinemas, Tally halls, Tally movies, Tally shows, int showsInPast,
        Duration duration) {

    /**
     * @param created  written now
     * @param existing already there (a resumed or repeated load)
     * @param rejected refused by the catalog's rules, e.g. a show overlapping one an admin scheduled
     */
    public record Tally(int created, int existing, int rejected) {

        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(created + other.created, existing + other.existing, rejected + other.rejected);
        }

        @Override
        public String toString() {
            return "%,d".formatted(created) + (existing > 0 ? " (+%,d existing)".formatted(existing) : "")
                    + (rejected > 0 ? " (%,d rejected)".formatted(rejected) : "");
        }
    }

    public int rejected() {
        return cities.rejected() + cinemas.rejected() + halls.rejected() + movies.rejected() + shows.rejected();
    }

    public double showsPerSecond() {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == 0 ? shows.created() : shows.created() / seconds;
    }

    /** One line for logs and the console. */
    public String summary() {
        return "created in %.1f s: cities %s, cinemas %s, halls %s, movies %s, shows %s (%.0f shows/s)%s".formatted(
                duration.toMillis() / 1000.0, cities, cinemas, halls, movies, shows, showsPerSecond(),
                showsInPast > 0 ? "; %,d shows skipped as already started".formatted(showsInPast) : "");
    }
}
