package io.ticketing.payment.payments;

import static io.ticketing.starter.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refunds in PostgreSQL. */
@Repository
class RefundRepository {

    private static final String COLUMNS =
            "id, payment_id, booking_id, amount, currency, reason, status, provider_refund_id";

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Refund refund, Instant at) {
        jdbc.sql("""
                INSERT INTO refund (id, payment_id, booking_id, amount, currency, reason, status, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(refund.refundId(), refund.paymentId(), refund.bookingId(), refund.amount(), refund.currency(),
                        refund.reason(), refund.status().name(), utc(at))
                .update();
    }

    /** Refunds the provider has not accepted yet, the least tried first. */
    List<Refund> requested(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM refund WHERE status = 'REQUESTED' ORDER BY attempts, requested_at LIMIT ?")
                .param(limit).query((rs, n) -> refund(rs)).list();
    }

    /** The provider has the refund; its webhook may have told the outcome already, which stays. */
    void submitted(UUID refundId, String providerRefundId) {
        jdbc.sql("""
                UPDATE refund SET provider_refund_id = ?, attempts = attempts + 1,
                                  status = CASE WHEN status = 'REQUESTED' THEN 'SUBMITTED' ELSE status END
                WHERE id = ?""")
                .params(providerRefundId, refundId).update();
    }

    void attempted(UUID refundId) {
        jdbc.sql("UPDATE refund SET attempts = attempts + 1 WHERE id = ?").param(refundId).update();
    }

    /**
     * Ends an open refund, found by our id (the refund's metadata) or the provider's; empty when there is none
     * open (ended before, or not ours).
     */
    Optional<Refund> end(UUID refundId, String providerRefundId, Refund.Status outcome, Instant at) {
        return jdbc.sql("UPDATE refund SET status = ?, provider_refund_id = coalesce(provider_refund_id, ?), "
                + "completed_at = ? WHERE (id = CAST(? AS UUID) OR provider_refund_id = ?) "
                + "AND status IN ('REQUESTED', 'SUBMITTED') RETURNING " + COLUMNS)
                .params(outcome.name(), providerRefundId, utc(at), refundId, providerRefundId)
                .query((rs, n) -> refund(rs)).optional();
    }

    private static Refund refund(ResultSet rs) throws SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                rs.getObject("booking_id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("reason"), Refund.Status.valueOf(rs.getString("status")),
                rs.getString("provider_refund_id"));
    }
}
