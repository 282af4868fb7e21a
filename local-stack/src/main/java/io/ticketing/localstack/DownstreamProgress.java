package io.ticketing.localstack;

import io.ticketing.localstack.infra.PostgresDatabases;
import io.ticketing.localstack.infra.Sleep;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Watches the seat services absorb the catalog's shows after a {@code generate}: a load test can only use
 * a show once reservation-service has its seat map ({@code seating_plan}) and booking-service its seats
 * ({@code show_inventory}). Counts rows in the local stack's databases — a developer tool's shortcut; the
 * services themselves never read each other's tables.
 */
final class DownstreamProgress {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    /** Shows in the catalog, seat maps in reservation-service, inventories in booking-service. */
    record Counts(long shows, long seatMaps, long inventories) {

        boolean caughtUp() {
            return seatMaps >= shows && inventories >= shows;
        }
    }

    private final PrintStream out;
    private final Duration stallTimeout;

    DownstreamProgress(PrintStream out, Duration stallTimeout) {
        this.out = out;
        this.stallTimeout = stallTimeout;
    }

    /** Waits until both services have every show, or nothing has moved for the stall timeout. */
    boolean await() {
        long started = System.nanoTime();
        long lastReport = started;
        long lastChange = started;
        double seatMapsDone = -1;
        double inventoriesDone = -1;
        Counts previous = counts();
        out.printf("Waiting for the seat services: %,d shows in the catalog, %,d seat maps, %,d inventories%n",
                previous.shows(), previous.seatMaps(), previous.inventories());
        while (true) {
            Counts now = counts();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seatMapsDone < 0 && now.seatMaps() >= now.shows()) {
                seatMapsDone = seconds;
                out.printf("  reservation-service has all %,d seat maps (%.0f s)%n", now.shows(), seconds);
            }
            if (inventoriesDone < 0 && now.inventories() >= now.shows()) {
                inventoriesDone = seconds;
                out.printf("  booking-service has all %,d show inventories (%.0f s)%n", now.shows(), seconds);
            }
            if (now.caughtUp()) {
                return true;
            }
            if (!now.equals(previous)) {
                lastChange = System.nanoTime();
                previous = now;
            }
            if (System.nanoTime() - lastChange > stallTimeout.toNanos()) {
                out.printf("  no progress for %d s: %,d seat maps and %,d inventories of %,d shows; see the "
                        + "reservation-service and booking-service logs%n", stallTimeout.toSeconds(), now.seatMaps(),
                        now.inventories(), now.shows());
                return false;
            }
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                out.printf("  %,d / %,d seat maps, %,d / %,d inventories (%.0f s)%n", now.seatMaps(), now.shows(),
                        now.inventories(), now.shows(), seconds);
            }
            Sleep.millis(POLL.toMillis());
        }
    }

    static Counts counts() {
        return new Counts(count("catalog", "show"), count("reservation", "seating_plan"),
                count("booking", "show_inventory"));
    }

    private static long count(String database, String table) {
        try (Connection connection = PostgresDatabases.connect(InfraEndpoints.HOST, InfraEndpoints.POSTGRES_PORT,
                InfraEndpoints.POSTGRES_USERNAME, InfraEndpoints.POSTGRES_PASSWORD, database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + database + "." + table + ": " + e.getMessage(), e);
        }
    }
}
