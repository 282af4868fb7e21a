package io.ticketing.notification.mail;

import static io.ticketing.starter.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail} table, a queue: mails waiting to be sent, taken on a lease, and what became of each. */
@Repository
class MailRepository {

    private final JdbcClient jdbc;

    MailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the mail unless one about the same fact exists; its id is derived from the fact too. */
    void add(Mail.Kind kind, String reference, String recipient, Letter letter, UUID ticketsOf, Instant now) {
        UUID id = UUID.nameUUIDFromBytes((kind + ":" + reference).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                INSERT INTO mail (id, kind, reference, recipient, subject, body, attach_tickets_of, status,
                                  next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                ON CONFLICT (kind, reference) DO NOTHING""")
                .params(id, kind.name(), reference, recipient, letter.subject(), letter.body(), ticketsOf, utc(now),
                        utc(now))
                .update();
    }

    /**
     * Takes up to {@code limit} due mails for sending: they are not due again until {@code leaseEnd}, so other
     * instances leave them alone meanwhile (and take them again should this one die while sending).
     */
    List<Mail> take(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                UPDATE mail SET next_attempt_at = ?
                WHERE id IN (SELECT id FROM mail WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, reference, recipient, subject, body, attach_tickets_of, attempts""")
                .params(utc(leaseEnd), utc(now), limit)
                .query((rs, n) -> new Mail(rs.getObject("id", UUID.class), Mail.Kind.valueOf(rs.getString("kind")),
                        rs.getString("reference"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getObject("attach_tickets_of", UUID.class), rs.getInt("attempts")))
                .list();
    }

    /**
     * Keeps a mail taken until {@code taken} for this instance until {@code leaseEnd}: false when its lease ran out and
     * another instance has taken it since (or it is no longer pending), and then this one must not send it.
     */
    boolean renew(UUID id, Instant taken, Instant leaseEnd) {
        return jdbc.sql("""
                UPDATE mail SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?""")
                .params(utc(leaseEnd), id, utc(taken)).update() == 1;
    }

    /** How many mails wait to be sent (due or not, retries included). */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM mail WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** A mail sent; a sign-in code's words are not kept after that: the code is the customer's alone. */
    void sent(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE mail SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
                       body = CASE WHEN kind = 'SIGN_IN_CODE' THEN '(a sign-in code, removed once sent)' ELSE body END,
                       subject = CASE WHEN kind = 'SIGN_IN_CODE' THEN 'Your sign-in code' ELSE subject END
                WHERE id = ?""")
                .params(utc(at), id).update();
    }

    /** A failed send: tried again at {@code retryAt}, or never ({@code null}: the mail is given up). */
    void failed(UUID id, String error, Instant retryAt) {
        jdbc.sql("""
                UPDATE mail SET attempts = attempts + 1, last_error = ?,
                       status = CASE WHEN CAST(? AS TIMESTAMPTZ) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = coalesce(CAST(? AS TIMESTAMPTZ), next_attempt_at)
                WHERE id = ?""")
                .params(error, retryAt == null ? null : utc(retryAt), retryAt == null ? null : utc(retryAt), id)
                .update();
    }
}
