package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void manyClientsShareOneRecorderWithoutLosingAnAnswer() throws InterruptedException {
        var shared = new LatencyRecorder();
        int clients = 8;
        int answers = 50_000;

        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            for (int client = 0; client < clients; client++) {
                threads.execute(() -> {
                    for (int i = 0; i < answers; i++) {
                        shared.record(i % 10 == 0 ? 409 : 201, i % 10 == 0 ? "SEATS_HELD" : null, 1_000_000L + i);
                        if (i % 100 == 0) {
                            shared.fail(new IOException("no answer"));
                        }
                    }
                });
            }
        }
        ScenarioResult result = LatencyRecorder.merge("holds", Duration.ofSeconds(1), List.of(shared));

        assertThat(result.answered().getTotalCount()).isEqualTo((long) clients * answers);
        assertThat(result.latencies().getTotalCount()).isEqualTo(clients * answers * 9L / 10);
        assertThat(result.statuses()).containsEntry("409 SEATS_HELD", clients * answers / 10L);
        assertThat(result.failures()).containsEntry("IOException", clients * answers / 100L);
    }
}
