package io.ticketing.booking.sale;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SERIALIZABLE transactions, retried with jittered exponential backoff ({@link RetryTemplate}) when PostgreSQL aborts
 * one to keep the history serializable (SQLSTATE 40001), on a deadlock (40P01) or on a unique violation (23505, which
 * a concurrent insert of the same row can cause). The callback runs again from the start, reading afresh, so a retry
 * decides on what the winner wrote; the last attempt's failure is thrown as it is.
 */
@Component
class SerializableTransactions implements TransactionOperations {

    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(4);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(250);

    private final TransactionTemplate template;
    private final RetryTemplate retries;

    SerializableTransactions(PlatformTransactionManager transactions, SaleProperties properties) {
        this.template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retries = new RetryTemplate(RetryPolicy.builder().maxRetries(properties.maxAttempts() - 1)
                .delay(FIRST_BACKOFF).jitter(FIRST_BACKOFF.dividedBy(2)).multiplier(2).maxDelay(MAX_BACKOFF)
                .predicate(SerializableTransactions::retryable).build());
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        return retries.invoke(() -> template.execute(action));
    }

    private static boolean retryable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return RETRYABLE.contains(sql.getSQLState());
            }
        }
        return false;
    }
}
