package io.ticketing.starter.metrics;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what a transaction decided only once it is committed: a rollback (and the retry of a serialization conflict
 * that follows it) counts nothing. Outside a transaction the count is made at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
