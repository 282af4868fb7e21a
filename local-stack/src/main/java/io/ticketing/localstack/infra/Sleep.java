package io.ticketing.localstack.infra;

/** Polling loops sleep a lot; this keeps the interrupt handling (restore flag, fail) in one place. */
public final class Sleep {

    private Sleep() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
