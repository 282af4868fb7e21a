package io.ticketing.waiting.line;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One show's line is served by one instance at a time: a PostgreSQL advisory lock per show, taken at session level
 * on one connection and held for the whole serve. Everything the serve does in PostgreSQL runs on that connection,
 * in transactions that commit one by one — an offer is recorded the moment its hold is made, and a later step
 * failing cannot undo it — while the lock stays held between them. A serve needs that one connection only: a pool
 * full of serves waiting for a show's lock can never starve the serve that holds it.
 */
@Component
class ShowLocks {

    private static final Logger log = LoggerFactory.getLogger(ShowLocks.class);

    private final DataSource dataSource;
    private final TransactionTemplate outsideTransactions;

    ShowLocks(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * Runs {@code work} holding the show's lock, once whoever holds it now (another instance, another thread) is
     * done. A caller's transaction, if any, is suspended meanwhile: the serve commits its own steps.
     */
    void whileLocked(UUID showId, Runnable work) {
        locked(showId, true, work);
    }

    /**
     * Runs {@code work} holding the show's lock if nobody holds it now; whether it ran. For a customer's request, which
     * must not wait for another serve of the show: one serve makes several calls to reservation-service and can take
     * seconds, and requests waiting for it would each hold a connection of the pool meanwhile.
     */
    boolean ifFree(UUID showId, Runnable work) {
        return locked(showId, false, work);
    }

    private boolean locked(UUID showId, boolean wait, Runnable work) {
        Boolean ran = outsideTransactions.execute(suspended -> {
            long key = showId.getMostSignificantBits() ^ showId.getLeastSignificantBits();
            try (Connection connection = dataSource.getConnection()) {
                String lock = wait ? "SELECT true FROM pg_advisory_lock(?)" : "SELECT pg_try_advisory_lock(?)";
                if (!advisory(connection, lock, key)) {
                    return false;
                }
                TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
                try {
                    work.run();
                }
                finally {
                    TransactionSynchronizationManager.unbindResource(dataSource);
                    unlock(connection, key, showId);
                }
                return true;
            }
            catch (SQLException ex) {
                throw new DataAccessResourceFailureException("Could not lock the line of show " + showId, ex);
            }
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Never throws over the work's own failure. A connection that cannot unlock is broken: it is closed for good, so
     * that the server ends its session, and the lock with it, rather than the pool lending it out still locked.
     */
    private static void unlock(Connection connection, long key, UUID showId) {
        try {
            advisory(connection, "SELECT pg_advisory_unlock(?)", key);
        }
        catch (SQLException ex) {
            log.warn("Could not unlock the line of show {}; closing its connection", showId, ex);
            try {
                connection.abort(Runnable::run);
            }
            catch (SQLException | RuntimeException closing) {
                ex.addSuppressed(closing);
            }
        }
    }

    /** The boolean the advisory lock function answered. */
    private static boolean advisory(Connection connection, String sql, long key) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
