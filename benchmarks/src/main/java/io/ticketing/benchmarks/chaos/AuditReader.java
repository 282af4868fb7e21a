package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.SeatMapView;

/**
 * Reads the platform for the audit: first the public seat map of every show (which also makes reservation-service
 * rebuild a map Redis lost), then Redis, then each service's database, then Kafka. Reads the run's shows only, and
 * the platform-wide outbox, consumer lag and dead letters.
 */
final class AuditReader {

    private static final int ROW_LIMIT = 1_000;

    private final Databases databases;
    private final Redis redis;
    private final KafkaGroups kafka;
    private final Gateway gateway;
    private final String apiKey;

    AuditReader(Databases databases, Redis redis, KafkaGroups kafka, Gateway gateway, String apiKey) {
        this.databases = databases;
        this.redis = redis;
        this.kafka = kafka;
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    PlatformState read(List<String> shows, Duration holdGrace) throws InterruptedException, SQLException {
        Instant readAt = Instant.now();
        Map<String, Map<String, String>> publicMaps = new TreeMap<>();
        for (String show : shows) {
            publicMaps.put(show, publicSeatMap(show));
        }
        Map<String, PlatformState.SeatMap> seatMaps = new TreeMap<>();
        for (String show : shows) {
            try {
                seatMaps.put(show, seatMap(show));
            }
            catch (IOException | RuntimeException redisDown) {
                // Redis gone: the show has no seat map, which the audit reports
                seatMaps.put(show, new PlatformState.SeatMap(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(),
                        Optional.empty()));
            }
        }
        UUID[] ids = shows.stream().map(UUID::fromString).toArray(UUID[]::new);
        var reservation = reservation(ids);
        var booking = booking(ids);
        var payment = payment(ids);
        List<PlatformState.WaitlistEntry> entries = waiting(ids);
        Map<String, List<String>> outbox = new TreeMap<>();
        Map<String, List<String>> deadLetters = new TreeMap<>();
        for (Component service : Component.withDatabase()) {
            String database = service.database().orElseThrow();
            try (Connection connection = databases.connect(database)) {
                List<String> unsent = strings(connection, """
                        SELECT id || ' ' || regexp_replace(event_type, '^.*[.$]', '') || ' published '
                               || publication_date
                        FROM event_publication WHERE completion_date IS NULL ORDER BY publication_date LIMIT 1000""");
                if (!unsent.isEmpty()) {
                    outbox.put(database, unsent);
                }
                if (databases.hasTable(connection, "dead_letter")) {
                    deadLetters.put(database, rows(connection,
                            "SELECT * FROM dead_letter WHERE status = 'NEW' LIMIT " + ROW_LIMIT));
                }
            }
        }
        List<PlatformState.GroupLag> lag;
        try {
            lag = kafka.lag().lags();
        }
        catch (KafkaGroups.KafkaUnavailable ex) {
            lag = List.of(new PlatformState.GroupLag("(Kafka did not answer)", "-", Long.MAX_VALUE));
        }
        return new PlatformState(readAt, holdGrace, Set.copyOf(shows), seatMaps, publicMaps, booking.inventory(),
                booking.fences(), booking.tickets(), booking.bookedSeats(), booking.bookings(), payment.payments(),
                payment.refunds(), reservation, entries,
                outbox, lag, deadLetters);
    }

    /** The public seat map's statuses; empty when the gateway could not answer with one. */
    private Map<String, String> publicSeatMap(String show) throws InterruptedException {
        try {
            Gateway.Response map = gateway.get("/api/v1/shows/" + show + "/seats", apiKey);
            return map.ok() ? SeatMapView.from(map.json()).statuses() : Map.of();
        }
        catch (IOException ex) {
            return Map.of();
        }
    }

    private PlatformState.SeatMap seatMap(String show) throws IOException {
        String prefix = "show:{" + show + "}:";
        Map<String, String> seats = redis.hash(prefix + "seats");
        Map<String, Long> counts = numbers(redis.hash(prefix + "counts"));
        Map<String, Long> customers = numbers(redis.hash(prefix + "customers"));
        Map<String, String> holds = redis.hash(prefix + "holds");
        Set<String> holdIds = new HashSet<>(holds.keySet());
        seats.values().stream().filter(status -> status.startsWith("HELD:"))
                .forEach(status -> holdIds.add(status.substring("HELD:".length())));
        Set<String> live = new HashSet<>();
        for (String holdId : holdIds) {
            if (redis.command("PTTL", prefix + "holds:lease:" + holdId) instanceof Long left && left > 0) {
                live.add(holdId);
            }
        }
        Object fence = redis.command("GET", prefix + "fence");
        return new PlatformState.SeatMap(seats, counts, customers, holds, live,
                fence instanceof String value ? Optional.of(Long.parseLong(value)) : Optional.empty());
    }

    private static Map<String, Long> numbers(Map<String, String> hash) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        hash.forEach((key, value) -> {
            try {
                numbers.put(key, Long.parseLong(value));
            }
            catch (NumberFormatException ex) {
                // not a counter
            }
        });
        return numbers;
    }

    private List<PlatformState.Hold> reservation(UUID[] shows) throws SQLException {
        List<PlatformState.Hold> holds = new ArrayList<>();
        try (Connection connection = databases.connect("reservation");
                PreparedStatement query = connection.prepareStatement("""
                        SELECT id, show_id, customer_id, seat_ids, fencing_token, status, expires_at, created_at
                        FROM hold WHERE show_id = ANY(?)""")) {
            query.setArray(1, connection.createArrayOf("uuid", shows));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    holds.add(new PlatformState.Hold(rows.getString(1), rows.getString(2), rows.getString(3),
                            list(rows.getArray(4)), rows.getLong(5), rows.getString(6), instant(rows.getTimestamp(7)),
                            instant(rows.getTimestamp(8))));
                }
            }
        }
        return holds;
    }

    private record BookingData(Map<String, Map<String, String>> inventory, Map<String, Map<String, Long>> fences,
            Map<String, Integer> tickets, List<PlatformState.BookedSeat> bookedSeats,
            List<PlatformState.Booking> bookings) {
    }

    private BookingData booking(UUID[] shows) throws SQLException {
        Map<String, Map<String, String>> inventory = new TreeMap<>();
        Map<String, Map<String, Long>> fences = new TreeMap<>();
        Map<String, Integer> tickets = new TreeMap<>();
        List<PlatformState.BookedSeat> bookedSeats = new ArrayList<>();
        List<PlatformState.Booking> bookings = new ArrayList<>();
        try (Connection connection = databases.connect("booking")) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT show_id, seat_id, status, fence FROM show_seat WHERE show_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        inventory.computeIfAbsent(rows.getString(1), show -> new TreeMap<>())
                                .put(rows.getString(2), rows.getString(3));
                        fences.computeIfAbsent(rows.getString(1), show -> new TreeMap<>())
                                .put(rows.getString(2), rows.getLong(4));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT t.booking_id, count(*) FROM booking_ticket t JOIN booking b ON b.id = t.booking_id
                    WHERE b.show_id = ANY(?) GROUP BY t.booking_id""")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tickets.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT show_id, seat_id, booking_id, active FROM booked_seat WHERE show_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        bookedSeats.add(new PlatformState.BookedSeat(rows.getString(1), rows.getString(2),
                                rows.getString(3), rows.getBoolean(4)));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, show_id, hold_id, payment_id, customer_id, seat_ids, status, confirmed_at
                    FROM booking WHERE show_id = ANY(?)""")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        bookings.add(new PlatformState.Booking(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), list(rows.getArray(6)), rows.getString(7),
                                instant(rows.getTimestamp(8))));
                    }
                }
            }
        }
        return new BookingData(inventory, fences, tickets, bookedSeats, bookings);
    }

    private record PaymentData(List<PlatformState.Payment> payments, List<PlatformState.Refund> refunds) {
    }

    private PaymentData payment(UUID[] shows) throws SQLException {
        List<PlatformState.Payment> payments = new ArrayList<>();
        List<PlatformState.Refund> refunds = new ArrayList<>();
        try (Connection connection = databases.connect("payment")) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, hold_id, show_id, status, updated_at FROM payment WHERE show_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        payments.add(new PlatformState.Payment(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), instant(rows.getTimestamp(5))));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.id, r.payment_id, r.status FROM refund r JOIN payment p ON p.id = r.payment_id
                    WHERE p.show_id = ANY(?)""")) {
                query.setArray(1, connection.createArrayOf("uuid", shows));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        refunds.add(new PlatformState.Refund(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
        }
        return new PaymentData(payments, refunds);
    }

    private List<PlatformState.WaitlistEntry> waiting(UUID[] shows) throws SQLException {
        List<PlatformState.WaitlistEntry> entries = new ArrayList<>();
        try (Connection connection = databases.connect("waiting");
                PreparedStatement query = connection.prepareStatement("""
                        SELECT id, show_id, customer_id, seat_count, status, offer_hold_id, offer_expires_at
                        FROM waitlist_entry WHERE show_id = ANY(?)""")) {
            query.setArray(1, connection.createArrayOf("uuid", shows));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new PlatformState.WaitlistEntry(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getInt(4), rows.getString(5), rows.getString(6),
                            instant(rows.getTimestamp(7))));
                }
            }
        }
        return entries;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Rows of a table whose columns the harness does not know: {@code column=value} each, values shortened. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= Math.min(columns.getColumnCount(), 8); column++) {
                    String value = String.valueOf(rows.getString(column));
                    cells.add(columns.getColumnName(column) + "="
                            + (value.length() > 80 ? value.substring(0, 77) + "..." : value));
                }
                values.add(String.join(" ", cells));
            }
        }
        return values;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
