package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskFailuresTest {

    @Test
    void aDatabaseAwayIsOneWarningLineAndABugAnErrorWithItsTrace(CapturedOutput output) throws Exception {
        var scheduler = new ThreadPoolTaskScheduler();
        new ServiceAutoConfiguration().scheduledTaskFailures().customize(scheduler);
        scheduler.initialize();
        try {
            var ran = new CountDownLatch(2);
            scheduler.scheduleWithFixedDelay(() -> {
                ran.countDown();
                throw new UncategorizedSQLException("sweep", "UPDATE hold",
                        new SQLException("cannot execute UPDATE in a read-only transaction", "25006"));
            }, Duration.ofMillis(10));
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("the task runs again after the failure").isTrue();
            var bug = new CountDownLatch(1);
            scheduler.schedule(() -> {
                bug.countDown();
                throw new IllegalStateException("a bug");
            }, java.time.Instant.now());
            assertThat(bug.await(5, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            scheduler.shutdown();
            scheduler.getScheduledExecutor().awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(output).contains("WARN").contains("Scheduled task put off to its next run, the database is "
                + "unavailable: java.sql.SQLException: cannot execute UPDATE in a read-only transaction");
        assertThat(output).as("no stack trace for the database").doesNotContain("UncategorizedSQLException");
        assertThat(output).contains("ERROR").contains("Scheduled task failed")
                .contains("java.lang.IllegalStateException: a bug").contains("at io.ticketing.starter");
    }
}
