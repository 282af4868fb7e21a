package io.ticketing.booking.sale;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SERIALIZABLE transactions, retried with jittered exponential backoff when PostgreSQL aborts one to keep the
 * history serializable (SQLSTATE 40001), on a deadlock (40P01) or on a unique violation (23505, which a
 * concurrent insert of the same row can cause). The callback runs again from the start, reading afresh, so a
 * retry decides on what the winner wrote.
 */
@Component
public class SerializableTransactions implements TransactionOperations {

    private static final Logger log = LoggerFactory.getLogger(SerializableTransactions.class);
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(4);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(250);

    private final TransactionTemplate template;
    private final int maxAttempts;

    SerializableTransactions(PlatformTransactionManager transactions, SaleProperties properties) {
        this.template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxAttempts = properties.maxAttempts();
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        long backoff = FIRST_BACKOFF.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return template.execute(action);
            }
            catch (RuntimeException ex) {
                String state = sqlState(ex);
                if (state == null || !RETRYABLE.contains(state) || attempt >= maxAttempts) {
                    throw ex;
                }
                log.debug("Serialization conflict (SQLSTATE {}), attempt {} of {}", state, attempt, maxAttempts);
                sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private static String sqlState(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", ex);
        }
    }
}
