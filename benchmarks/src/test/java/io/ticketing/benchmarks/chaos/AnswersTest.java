package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketing.benchmarks.chaos.InvariantResult.Violation;

class AnswersTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void countsAnswersByRequestStatusAndProblemCode() {
        var answers = new Answers();
        answers.answered("POST hold", 201, null, T0, Duration.ofMillis(40), RecordingClient.LIMIT);
        answers.answered("POST hold", 409, "SEATS_HELD", T0, Duration.ofMillis(30), RecordingClient.LIMIT);
        answers.answered("POST hold", 409, "SEATS_HELD", T0, Duration.ofMillis(35), RecordingClient.LIMIT);
        answers.unanswered("GET seat map", new ConnectException("refused"), T0, Duration.ofMillis(2));

        assertThat(answers.table()).isEqualTo(Map.of("POST hold", Map.of("201", 1L, "409 SEATS_HELD", 2L),
                "GET seat map", Map.of("no answer (ConnectException)", 1L)));
    }

    @Test
    void anAnswerPastTheGatewaysLimitIsLate() {
        var answers = new Answers();
        answers.answered("GET waitlist (long poll)", 200, null, T0, Duration.ofSeconds(46), RecordingClient.LONG_POLL_LIMIT);
        answers.answered("POST hold", 504, "GATEWAY_TIMEOUT", T0, Duration.ofSeconds(31), RecordingClient.LIMIT);
        answers.answered("POST sessions", 200, null, T0, Duration.ofMillis(119_869), RecordingClient.LIMIT);

        assertThat(answers.late()).extracting(Answers.Late::request).containsExactly("POST sessions");
        assertThat(Answers.check(List.of(), answers.late(), List.of()).violations()).singleElement()
                .extracting(Violation::detail).asString().contains("after 119869 ms, over the 30 s limit");
    }

    @Test
    void aConnectionRefusedOrCutWhileTheGatewayWasDownIsExcusedButATimeoutNever() {
        var down = new Answers.Window(T0, T0.plusSeconds(30));
        List<Answers.Unanswered> unanswered = List.of(
                new Answers.Unanswered("POST waitlist", "IOException", T0.minusMillis(20), Duration.ofMillis(39)),
                new Answers.Unanswered("GET seat map", "IOException", T0.minusMillis(60), Duration.ofMillis(39)),
                new Answers.Unanswered("GET seat map", "ConnectException", T0.plusSeconds(5), Duration.ofMillis(1)),
                new Answers.Unanswered("POST hold", "IOException", T0.plusSeconds(6), Duration.ofMillis(3)),
                new Answers.Unanswered("POST payment", "HttpTimeoutException", T0.plusSeconds(7), Duration.ofSeconds(45)),
                new Answers.Unanswered("GET hold", "ConnectException", T0.plusSeconds(31), Duration.ofMillis(1)));

        assertThat(Answers.check(unanswered, List.of(), List.of(down)).violations()).extracting(Violation::detail)
                .satisfiesExactly(
                        detail -> assertThat(detail).startsWith("GET seat map").contains("IOException"),
                        detail -> assertThat(detail).startsWith("POST payment").contains("HttpTimeoutException"),
                        detail -> assertThat(detail).startsWith("GET hold").contains("ConnectException"));
    }

    @Test
    void namesTheFailureOfAnUnansweredRequest() {
        var answers = new Answers();
        answers.unanswered("POST payment", new HttpTimeoutException("request timed out"), T0, Duration.ofSeconds(45));
        answers.unanswered("POST hold", new IOException("closed"), T0, Duration.ofMillis(3));

        assertThat(answers.unanswered()).extracting(Answers.Unanswered::failure)
                .containsExactly("HttpTimeoutException", "IOException");
    }
}
