package io.ticketing.starter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;

import io.ticketing.starter.web.DatabaseUnavailable;

/**
 * What a scheduled task's failure is logged as. Sweepers and relays run again on their next tick, so a database away
 * for a moment (read-only during a fail-over, unreachable) is one warning line per run, not an error with a stack
 * trace every second of the fault; anything else is an error.
 */
final class ScheduledTaskFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

    @Override
    public void handleError(Throwable failure) {
        if (DatabaseUnavailable.explains(failure)) {
            log.warn("Scheduled task put off to its next run, the database is unavailable: {}",
                    DatabaseUnavailable.cause(failure).toString());
        }
        else {
            log.error("Scheduled task failed", failure);
        }
    }
}
