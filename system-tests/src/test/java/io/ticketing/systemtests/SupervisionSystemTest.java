package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What a chaos test does to the local stack: find the process listening on a port and kill it with SIGKILL. The
 * launcher restarts it, says so in its output, and the platform works again. Runs late (it restarts Kafka under the
 * other tests' feet), before the shutdown check.
 */
@Order(Integer.MAX_VALUE - 1)
class SupervisionSystemTest {

    @Test
    void aServiceRedisAndKafkaKilledWithSigkillAreRestartedAndTheSeatPathWorksAgain() throws Exception {
        LocalStackProcess stack = LocalStackProcess.shared();
        Assumptions.assumeTrue(stack.startedHere(), "only a stack started here shows its launcher's output");

        // what the service logged before it was killed stays in its log, after it the restart's output
        Path log = LocalStackProcess.home().resolve(".local/logs/notification-service.log");
        String before = Files.readString(log);
        Platform.killAndAwaitRestart(stack, 8086, "notification-service");
        assertThat(Files.readString(log)).startsWith(before).contains("==== restarted by the launcher at");
        Platform.killAndAwaitRestart(stack, 16379, "Redis");
        Platform.killAndAwaitRestart(stack, 19092, "Kafka");

        // a new show travels catalog -> Kafka -> reservation, and its seats can be held (Redis)
        String showId = Platform.showOnSale("Back on its feet", 1, 5, new BigDecimal("9.50"), Duration.ofDays(3));
        var customer = Platform.customer("restarted-" + System.nanoTime() + "@example.com");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(customer.post(
                "/api/v1/shows/" + showId + "/holds", java.util.Map.of("seatIds", java.util.List.of("A1"))).status())
                .isEqualTo(201));
    }
}
