package io.ticketing.benchmarks.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Waits, after the rush, until the platform has nothing left in flight: every hold of the run's shows past its time
 * (and the server's grace), no unsent outbox row, no consumer behind, no refund still on its way. Bounded: a platform
 * that does not settle is audited all the same, with what was still open said.
 */
final class Settling {

    /** Whether it settled, how long that took, and what was still open when it did not. */
    record Outcome(boolean settled, Duration took, List<String> open) {
    }

    private static final Duration POLL = Duration.ofSeconds(5);
    /** A hold's end is handled within a second; this is margin for a loaded machine. */
    private static final Duration AFTER_LAST_HOLD = Duration.ofSeconds(10);

    private final Databases databases;
    private final KafkaGroups kafka;

    Settling(Databases databases, KafkaGroups kafka) {
        this.databases = databases;
        this.kafka = kafka;
    }

    Outcome await(List<String> shows, Duration holdGrace, Duration timeout) throws InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        List<String> open;
        while (true) {
            open = open(shows, holdGrace);
            if (open.isEmpty() || !Instant.now().isBefore(deadline)) {
                break;
            }
            Thread.sleep(POLL);
        }
        return new Outcome(open.isEmpty(), Duration.between(started, Instant.now()), open);
    }

    private List<String> open(List<String> shows, Duration holdGrace) {
        List<String> open = new ArrayList<>();
        UUID[] ids = shows.stream().map(UUID::fromString).toArray(UUID[]::new);
        try (Connection connection = databases.connect("reservation");
                PreparedStatement query = connection.prepareStatement("""
                        SELECT max(expires_at) FROM hold
                        WHERE show_id = ANY(?) AND status IN ('HELD', 'PAYMENT_PENDING')""")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = query.executeQuery()) {
                Timestamp last = rows.next() ? rows.getTimestamp(1) : null;
                if (last != null && last.toInstant().plus(holdGrace).plus(AFTER_LAST_HOLD).isAfter(Instant.now())) {
                    open.add("holds run until " + last.toInstant());
                }
            }
        }
        catch (SQLException ex) {
            open.add("reservation's database: " + ex.getMessage());
        }
        for (Component service : Component.withDatabase()) {
            String database = service.database().orElseThrow();
            try (Connection connection = databases.connect(database)) {
                long unsent = count(connection, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
                if (unsent > 0) {
                    open.add(unsent + " unsent outbox rows in " + database);
                }
                if (database.equals("payment")) {
                    long refunds = count(connection, "SELECT count(*) FROM refund WHERE status IN ('REQUESTED', 'SUBMITTED')");
                    if (refunds > 0) {
                        open.add(refunds + " refunds on their way");
                    }
                }
            }
            catch (SQLException ex) {
                open.add(database + "'s database: " + ex.getMessage());
            }
        }
        try {
            long lag = kafka.lag().total();
            if (lag > 0) {
                open.add("consumers " + lag + " events behind");
            }
        }
        catch (KafkaGroups.KafkaUnavailable ex) {
            open.add("Kafka does not answer");
        }
        return open;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
