package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The customers racing for one show's seats, each on its own virtual thread, closed loop without think time: look
 * at the seat map, pick 1 to 4 available seats (side by side when possible), try to hold them; keep the map after a
 * success, read it again after a failure. A customer stops with 10 seats (the per-customer limit), when told
 * {@code TOO_MANY_SEATS} or {@code SHOW_FULL}, or when its map shows no available seat.
 *
 * <p>Every customer's requests are kept as a script, so that the no-op phase can send the same requests with the
 * hold replaced by {@code POST /api/v1/no-op}.
 */
final class HotShowRace {

    /** Seats one customer may hold in one show (the platform's default limit). */
    static final int SEATS_PER_CUSTOMER = 10;
    static final int MAX_SEATS_PER_ATTEMPT = 4;
    static final String NO_OP_PATH = "/api/v1/no-op";
    private static final long PAUSE_AFTER_ERROR_MILLIS = 10;

    /** One request of a customer's script: a seat-map read, or a hold attempt of these seats. */
    record Step(List<String> seatIds) {

        static final Step READ = new Step(List.of());

        boolean read() {
            return seatIds.isEmpty();
        }
    }

    /**
     * @param attempts every hold attempt: successes are the 201s, statuses the rest by code
     * @param reads the seat-map reads of the customers, apart from the attempts
     * @param unanswered attempts without an answer or with a 5xx: they may have taken their seats all the same
     * @param stops why the customers stopped: {@code 10 seats}, {@code SHOW_FULL}, {@code sold out}, ...
     * @param scripts per customer, the requests it sent in order
     */
    record Result(Duration duration, ScenarioResult attempts, ScenarioResult reads, List<SuccessfulHold> holds,
            List<UnansweredHold> unanswered, SortedMap<String, Long> stops, List<List<Step>> scripts) {

        int seatsTaken() {
            return holds.stream().mapToInt(hold -> hold.seatIds().size()).sum();
        }
    }

    /** What the replay measured: the no-op requests and the seat-map reads between them. */
    record Replay(Duration duration, ScenarioResult noOps, ScenarioResult reads) {
    }

    private final Gateway gateway;
    private final String apiKey;
    private final Duration limit;

    HotShowRace(Gateway gateway, String apiKey, Duration limit) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.limit = limit;
    }

    Result race(String showId, List<String> sessions, long seed) throws InterruptedException {
        int customers = sessions.size();
        List<Customer> racers = new ArrayList<>();
        var seeds = new SplittableRandom(seed);
        for (int number = 0; number < customers; number++) {
            racers.add(new Customer(number, sessions.get(number), seeds.split()));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Duration duration = LoadRunner.together(customers, number -> racers.get(number).race(showId, deadline));

        List<SuccessfulHold> holds = new ArrayList<>();
        List<UnansweredHold> unanswered = new ArrayList<>();
        SortedMap<String, Long> stops = new TreeMap<>();
        List<List<Step>> scripts = new ArrayList<>();
        for (Customer customer : racers) {
            holds.addAll(customer.holds);
            unanswered.addAll(customer.unanswered);
            stops.merge(customer.stop, 1L, Long::sum);
            scripts.add(Collections.unmodifiableList(customer.script));
        }
        holds.sort((a, b) -> a.answeredAt().compareTo(b.answeredAt()));
        return new Result(duration, LatencyRecorder.merge("hold attempts", duration, attemptsOf(racers)),
                LatencyRecorder.merge("seat-map reads", duration, readsOf(racers)), List.copyOf(holds),
                List.copyOf(unanswered), stops,
                List.copyOf(scripts));
    }

    /**
     * The same customers send the same requests as in {@code race}, in the same order, each hold attempt replaced
     * by {@code POST /api/v1/no-op} with the same seats. With {@code withReads} the seat-map reads stay: both phases
     * send the same requests, and the difference is the hold's own work. Without them, each customer sends only its
     * no-op requests, as many as its hold attempts: the cost of a customer's request through the gateway alone.
     */
    Replay replay(String showId, List<String> sessions, List<List<Step>> scripts, boolean withReads)
            throws InterruptedException {
        List<LatencyRecorder> noOps = new ArrayList<>();
        List<LatencyRecorder> reads = new ArrayList<>();
        for (int number = 0; number < scripts.size(); number++) {
            noOps.add(new LatencyRecorder());
            reads.add(new LatencyRecorder());
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Duration duration = LoadRunner.together(scripts.size(), number -> {
            for (Step step : scripts.get(number)) {
                if (System.nanoTime() - deadline >= 0) {
                    return;
                }
                if (step.read()) {
                    if (withReads) {
                            timed(reads.get(number), () -> gateway.get(seatsPath(showId), apiKey, sessions.get(number)));
                    }
                }
                else {
                    timed(noOps.get(number), () -> gateway.post(NO_OP_PATH, apiKey, sessions.get(number),
                            Map.of("seatIds", step.seatIds())));
                }
            }
        });
        return new Replay(duration, LatencyRecorder.merge("no-op requests", duration, noOps),
                LatencyRecorder.merge("seat-map reads", duration, reads));
    }

    static String seatsPath(String showId) {
        return "/api/v1/shows/" + showId + "/seats";
    }

    @FunctionalInterface
    private interface Call {

        Gateway.Response send() throws IOException, InterruptedException;
    }

    /** @return the answer, or null when there was none (recorded as a failure) */
    private static Gateway.Response timed(LatencyRecorder recorder, Call call) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            Gateway.Response response = call.send();
            recorder.record(response.status(), response.ok() ? null : response.problemCode(), System.nanoTime() - sent);
            return response;
        }
        catch (IOException ex) {
            recorder.fail(ex);
            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
            return null;
        }
    }

    private static List<LatencyRecorder> attemptsOf(List<Customer> customers) {
        return customers.stream().map(customer -> customer.attempts).toList();
    }

    private static List<LatencyRecorder> readsOf(List<Customer> customers) {
        return customers.stream().map(customer -> customer.reads).toList();
    }

    /** One racing customer; used by its own thread only. */
    private final class Customer {

        private final int number;
        private final String session;
        private final SplittableRandom random;
        private final LatencyRecorder attempts = new LatencyRecorder();
        private final LatencyRecorder reads = new LatencyRecorder();
        private final List<SuccessfulHold> holds = new ArrayList<>();
        private final List<UnansweredHold> unanswered = new ArrayList<>();
        private final List<Step> script = new ArrayList<>();
        private int seats;
        private String stop = "time limit";

        Customer(int number, String session, SplittableRandom random) {
            this.number = number;
            this.session = session;
            this.random = random;
        }

        void race(String showId, long deadline) throws InterruptedException {
            SeatMapView view = null;
            while (System.nanoTime() - deadline < 0) {
                if (view == null) {
                    script.add(Step.READ);
                    Gateway.Response seatMap = timed(reads, () -> gateway.get(seatsPath(showId), apiKey, session));
                    if (seatMap == null || !seatMap.ok()) {
                        if (seatMap != null) {
                            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                        }
                        continue;
                    }
                    view = SeatMapView.from(seatMap.json());
                }
                if (view.availableCount() == 0) {
                    stop = "sold out (no AVAILABLE seat on its map)";
                    return;
                }
                int wanted = Math.min(1 + random.nextInt(MAX_SEATS_PER_ATTEMPT), SEATS_PER_CUSTOMER - seats);
                List<String> chosen = SeatPicker.pick(view, wanted, random);
                script.add(new Step(chosen));
                Gateway.Response answer = timed(attempts, () -> gateway.post("/api/v1/shows/" + showId + "/holds",
                        apiKey, session, Map.of("seatIds", chosen)));
                if (answer != null && answer.status() == 201) {
                    SuccessfulHold hold = SuccessfulHold.of(number, answer);
                    holds.add(hold);
                    seats += hold.seatIds().size();
                    view = view.taken(hold.seatIds());
                    if (seats >= SEATS_PER_CUSTOMER) {
                        stop = SEATS_PER_CUSTOMER + " seats";
                        return;
                    }
                    continue;
                }
                if (answer == null || answer.status() >= 500) {
                    unanswered.add(new UnansweredHold(number, chosen));
                }
                String code = answer == null ? null : answer.problemCode();
                if ("SHOW_FULL".equals(code) || "TOO_MANY_SEATS".equals(code)) {
                    stop = code;
                    return;
                }
                if (answer != null && answer.status() != 409 && answer.status() != 422) {
                    Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                }
                view = null;
            }
        }
    }
}
