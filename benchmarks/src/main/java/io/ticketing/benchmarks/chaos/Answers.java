package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import io.ticketing.benchmarks.chaos.InvariantResult.Violation;

/**
 * What the customers were answered, by request ({@code POST hold}) and by status and problem code
 * ({@code 409 SEATS_HELD}); and every request that got no answer, or one later than the gateway's time limit for it.
 * Shared by all customers' threads.
 */
final class Answers {

    static final String ANSWERED_IN_TIME = "every request answered within the gateway's limit";

    /** The gateway's own timing is not to the millisecond: an answer this much past its limit is still in time. */
    static final Duration SLACK = Duration.ofSeconds(2);

    record Unanswered(String request, String failure, Instant at, Duration waited) {
    }

    record Late(String request, String answer, Instant at, Duration took, Duration limit) {
    }

    /**
     * A time the gateway itself was down: a refused connection then is no broken promise, nor a connection the kill
     * cut while its request was in flight.
     */
    record Window(Instant from, Instant to) {

        /** Whether a request sent at {@code sent} that failed after {@code waited} was out while the gateway was down. */
        boolean overlaps(Instant sent, Duration waited) {
            return !sent.isAfter(to) && !sent.plus(waited).isBefore(from);
        }
    }

    private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> byRequest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Late> late = new ConcurrentLinkedQueue<>();

    void answered(String request, int status, String problemCode, Instant sentAt, Duration took, Duration limit) {
        String answer = problemCode == null ? Integer.toString(status) : status + " " + problemCode;
        count(request, answer);
        if (took.compareTo(limit.plus(SLACK)) > 0) {
            late.add(new Late(request, answer, sentAt, took, limit));
        }
    }

    void unanswered(String request, Throwable failure, Instant sentAt, Duration waited) {
        String name = failure.getClass().getSimpleName();
        count(request, "no answer (" + name + ")");
        unanswered.add(new Unanswered(request, name, sentAt, waited));
    }

    private void count(String request, String answer) {
        byRequest.computeIfAbsent(request, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(answer, key -> new LongAdder()).increment();
    }

    /** Request → answer → how many, sorted. */
    Map<String, Map<String, Long>> table() {
        Map<String, Map<String, Long>> table = new TreeMap<>();
        byRequest.forEach((request, answers) -> {
            Map<String, Long> counts = new TreeMap<>();
            answers.forEach((answer, count) -> counts.put(answer, count.sum()));
            table.put(request, counts);
        });
        return table;
    }

    List<Unanswered> unanswered() {
        return List.copyOf(unanswered);
    }

    List<Late> late() {
        return List.copyOf(late);
    }

    /**
     * The broken promises: answers later than the gateway's limit, and requests without an answer — except a refused
     * or dropped connection while the gateway was down ({@code excused}), when there was no gateway to answer; that
     * includes a request sent just before the kill whose connection the kill cut.
     * A request that timed out is never excused: something took it and did not answer.
     */
    static InvariantResult check(List<Unanswered> unanswered, List<Late> late, List<Window> excused) {
        List<Violation> violations = new ArrayList<>();
        for (Unanswered request : unanswered) {
            boolean gatewayDown = excused.stream().anyMatch(window -> window.overlaps(request.at(), request.waited()));
            boolean timedOut = request.failure().contains("Timeout");
            if (timedOut || !gatewayDown) {
                violations.add(new Violation(request.request() + " " + request.at(), request.request()
                        + ": no answer after " + request.waited().toMillis() + " ms (" + request.failure() + ")",
                        request.at()));
            }
        }
        for (Late answer : late) {
            violations.add(new Violation(answer.request() + " " + answer.at(), answer.request() + ": "
                    + answer.answer() + " after " + answer.took().toMillis() + " ms, over the "
                    + answer.limit().toSeconds() + " s limit", answer.at()));
        }
        return new InvariantResult(ANSWERED_IN_TIME, violations);
    }
}
