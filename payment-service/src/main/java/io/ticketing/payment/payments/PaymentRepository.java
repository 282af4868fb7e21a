package io.ticketing.payment.payments;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments and the provider's webhook events already applied, in PostgreSQL. */
@Repository
class PaymentRepository {

    private static final String SELECT = """
            SELECT id, hold_id, show_id, status, provider, client_secret, amount, currency, seat_ids, failure_reason,
                   created_at, customer_id, customer_email, fencing_token, attempt, intent_id
            FROM payment""";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> find(UUID paymentId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(paymentId).query((rs, n) -> payment(rs)).optional();
    }

    Optional<Payment> byIntent(String intentId) {
        return jdbc.sql(SELECT + " WHERE intent_id = ?").param(intentId).query((rs, n) -> payment(rs)).optional();
    }

    /** The hold's latest attempt that has not failed. */
    Optional<Payment> openOfHold(UUID holdId) {
        return jdbc.sql(SELECT + " WHERE hold_id = ? AND status <> 'FAILED' ORDER BY attempt DESC LIMIT 1")
                .param(holdId).query((rs, n) -> payment(rs)).optional();
    }

    /**
     * Records the hold's next attempt, {@code PENDING} and without an intent yet.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request recorded one at the same time
     */
    Payment insertAttempt(UUID paymentId, Reservation.Hold hold, String provider, String customerEmail, Instant at) {
        jdbc.sql("""
                INSERT INTO payment (id, hold_id, attempt, show_id, customer_id, customer_email, seat_ids,
                                     fencing_token, amount, currency, provider, status, created_at, updated_at)
                SELECT ?, ?, coalesce(max(attempt), 0) + 1, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, 'PENDING',
                       ?, ?
                FROM payment WHERE hold_id = ?""")
                .params(paymentId, hold.holdId(), hold.showId(), hold.customerId(), customerEmail,
                        String.join(",", hold.seatIds()), hold.fencingToken(), hold.amount(), hold.currency(), provider,
                        utc(at), utc(at), hold.holdId())
                .update();
        return find(paymentId).orElseThrow();
    }

    void intentCreated(UUID paymentId, String intentId, String clientSecret, Instant at) {
        jdbc.sql("UPDATE payment SET intent_id = ?, client_secret = ?, updated_at = ? WHERE id = ?")
                .params(intentId, clientSecret, utc(at), paymentId).update();
    }

    /** Moves the payment to {@code to} if it is in one of {@code from}; false when it was not. */
    boolean advance(UUID paymentId, Payment.Status to, String failureReason, Instant at, Payment.Status... from) {
        return jdbc.sql("""
                UPDATE payment SET status = ?, failure_reason = coalesce(?, failure_reason), updated_at = ?
                WHERE id = ? AND status = ANY (string_to_array(?, ','))""")
                .params(to.name(), failureReason, utc(at), paymentId,
                        Stream.of(from).map(Enum::name).collect(Collectors.joining(",")))
                .update() == 1;
    }

    /** Remembers a webhook event; false when it was applied before (a replay or a redelivery). */
    boolean firstDelivery(String eventId, String type, Instant at) {
        return jdbc.sql("INSERT INTO provider_event (id, type, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, type, utc(at)).update() == 1;
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("hold_id", UUID.class),
                rs.getObject("show_id", UUID.class), Payment.Status.valueOf(rs.getString("status")),
                rs.getString("provider"), rs.getString("client_secret"), rs.getBigDecimal("amount"),
                rs.getString("currency"), Arrays.asList((String[]) rs.getArray("seat_ids").getArray()),
                rs.getString("failure_reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_email"), rs.getLong("fencing_token"),
                rs.getInt("attempt"), rs.getString("intent_id"));
    }
}
