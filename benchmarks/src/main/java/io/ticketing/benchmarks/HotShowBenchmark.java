package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The on-sale rush of issue 5: one hot show of 2,000 seats, hundreds of concurrent customers through the gateway
 * holding 1 to 4 seats at a time until it is sold out. Prints hold attempts per second, their latency, the seats
 * sold and the oversells (which must be 0: the exit status is 1 otherwise); then sends the same customers' same
 * requests with each hold replaced by a no-op endpoint behind the same gateway (same API key, session and rate
 * limit checks, same route, one service hop) and prints how the two compare. See {@code benchmarks/README.md}.
 */
public final class HotShowBenchmark {

    static final int SEATS = 2_000;

    private final HotShowOptions options;
    private final Gateway gateway;
    private final PrintStream out;

    HotShowBenchmark(HotShowOptions options, PrintStream out) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), options.timeout());
        this.out = out;
    }

    /** @return whether the oversell check passed */
    boolean run() throws IOException, InterruptedException {
        out.println("Hot show benchmark: " + String.format(Locale.ROOT, "%,d", options.customers())
                + " customers race for the " + String.format(Locale.ROOT, "%,d", SEATS) + " seats of one show");
        out.println();
        out.println("Setup");
        var setup = new HotShowSetup(gateway, options.apiKey(), options.adminKey(), out);
        String warmupShow = options.warmupSeats() > 0 ? setup.show("Warm-up", roundToRows(options.warmupSeats())) : null;
        String hotShow = setup.show("Hot show", SEATS);
        List<String> sessions = Sessions.open(gateway, options.adminKey(),
                "hot-show-" + Long.toString(System.currentTimeMillis(), 36) + "-", options.customers(), out);
        out.printf(Locale.ROOT, "  %,d customer sessions%n", sessions.size());
        checkNoOpEndpoint(sessions.getFirst());

        Gateway.Response probe = gateway.get(HotShowRace.seatsPath(hotShow), options.apiKey(), sessions.getFirst());
        RunEnvironment environment = RunEnvironment.here(options.gateway(),
                Map.of("show", hotShow + ", " + String.format(Locale.ROOT, "%,d", SEATS)
                        + " seats (40 rows of 50), on sale", "load average", loadAverage()),
                options.customers() + " customers, one session and one virtual thread each, closed loop without "
                        + "think time; seed " + options.seed(),
                RunEnvironment.announcedBurst(probe.headers()));
        environment.printForCustomers(out);

        var race = new HotShowRace(gateway, options.apiKey(), options.phaseLimit());
        if (warmupShow != null) {
            out.println();
            out.printf(Locale.ROOT, "Warm-up: the same customers race for a throwaway show of %,d seats, then replay "
                    + "their requests against the no-op endpoint (not measured)%n", roundToRows(options.warmupSeats()));
            HotShowRace.Result warmup = race.race(warmupShow, sessions, options.seed() + 1);
            HotShowRace.Replay warmupReplay = race.replay(warmupShow, sessions, warmup.scripts(), true);
            out.printf(Locale.ROOT, "  %,d hold attempts in %,d ms, %,d no-op requests in %,d ms%n",
                    warmup.attempts().attempts(), warmup.duration().toMillis(), warmupReplay.noOps().attempts(),
                    warmupReplay.duration().toMillis());
            List<String> problems = Report.problems(List.of(warmup.attempts(), warmup.reads(), warmupReplay.noOps(),
                    warmupReplay.reads()));
            problems.forEach(line -> out.println("  other than 2xx, " + line));
        }

        out.println();
        out.println("Hold phase: every customer holds 1 to 4 seats at a time until it has 10 or the show is sold out");
        HotShowRace.Result result = race.race(hotShow, sessions, options.seed());
        out.printf(Locale.ROOT, "  %,d hold attempts in %,d ms, %,d successful, %,d seats taken, %,d without an answer "
                + "(timeout or 5xx)%n", result.attempts().attempts(), result.duration().toMillis(),
                result.attempts().successes(), result.seatsTaken(), result.unanswered().size());

        out.println("  checking for oversells: the final seat map, and each customer's own view of it ...");
        OversellCheck check = oversellCheck(hotShow, sessions, result);

        out.println();
        out.println("No-op phase: the same customers send the same requests, each hold attempt replaced by POST "
                + HotShowRace.NO_OP_PATH);
        HotShowRace.Replay replay = race.replay(hotShow, sessions, result.scripts(), true);
        out.printf(Locale.ROOT, "  %,d no-op requests in %,d ms%n", replay.noOps().attempts(),
                replay.duration().toMillis());
        out.println("  then only the no-op requests, without the seat-map reads");
        HotShowRace.Replay alone = race.replay(hotShow, sessions, result.scripts(), false);
        out.printf(Locale.ROOT, "  %,d no-op requests in %,d ms%n", alone.noOps().attempts(), alone.duration().toMillis());
        out.println();
        out.printf(Locale.ROOT, "Results (%,d seats, %,d customers; hold phase %,d ms, no-op phase %,d ms with the "
                + "reads, %,d ms alone)%n", SEATS, options.customers(), result.duration().toMillis(),
                replay.duration().toMillis(), alone.duration().toMillis());
        out.println();
        out.print(HotShowReport.table(result, replay, alone));
        out.println();
        out.println(HotShowReport.LEGEND);
        out.println();
        out.println("Hold attempts by outcome: " + HotShowReport.outcomes(result.attempts(), 201));
        out.println("No-op requests by outcome: " + HotShowReport.outcomes(replay.noOps(), 204) + "; alone: "
                + HotShowReport.outcomes(alone.noOps(), 204));
        List<String> readProblems = Report.problems(List.of(result.reads(), replay.reads()));
        if (!readProblems.isEmpty()) {
            out.println("Seat-map reads other than 200: " + String.join("; ", readProblems));
        }
        out.printf(Locale.ROOT, "Seats taken by successful holds: %,d of %,d in %,d holds (%.2f seats per hold)%n",
                result.seatsTaken(), SEATS, result.holds().size(),
                result.holds().isEmpty() ? 0.0 : (double) result.seatsTaken() / result.holds().size());
        out.println("Customers stopped by: " + HotShowReport.stops(result.stops()));
        out.println("Ratios, same reads: " + HotShowReport.ratios(result.attempts(), replay.noOps()));
        out.println("Ratios, no-op alone: " + HotShowReport.ratios(result.attempts(), alone.noOps()));
        if (result.attempts().rateLimited() + replay.noOps().rateLimited() + alone.noOps().rateLimited() > 0) {
            out.println();
            out.println("WARNING: the gateway rate-limited some requests (429): the numbers measure the limiter too.");
        }
        if (result.stops().containsKey("time limit") || replay.noOps().attempts() < result.attempts().attempts()
                || alone.noOps().attempts() < result.attempts().attempts()) {
            out.println();
            out.println("WARNING: a phase hit its time limit (--phase-limit) before every customer had finished.");
        }

        out.println("Load average at the end: " + loadAverage());

        out.println();
        out.println("Oversell check");
        check.describe().forEach(line -> out.println("  " + line));
        out.println("oversells: " + check.oversells());
        if (check.inconsistencies() > 0) {
            out.println("inconsistencies (seats of successful holds the map does not show as held): "
                    + check.inconsistencies());
        }
        return check.passed();
    }

    /** The machine's load average over the last minute: other work competing with the platform shows here. */
    public static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f over the last minute (this machine)", load);
    }

    private static int roundToRows(int seats) {
        return Math.max(1, Math.round(seats / (float) HotShowSetup.SEATS_PER_ROW)) * HotShowSetup.SEATS_PER_ROW;
    }

    private void checkNoOpEndpoint(String session) throws IOException, InterruptedException {
        Gateway.Response noOp = gateway.post(HotShowRace.NO_OP_PATH, options.apiKey(), session,
                Map.of("seatIds", List.of("A1")));
        if (noOp.status() == 404) {
            throw new IllegalStateException("POST " + HotShowRace.NO_OP_PATH + " answered 404: start the platform with "
                    + "TICKETING_RESERVATION_NO_OP_ENDPOINT=true (benchmarks/README.md)");
        }
        if (noOp.status() != 204) {
            throw new IllegalStateException("POST " + HotShowRace.NO_OP_PATH + " answered " + noOp.status() + ": "
                    + noOp.text());
        }
    }

    private OversellCheck oversellCheck(String showId, List<String> sessions, HotShowRace.Result result)
            throws IOException, InterruptedException {
        Gateway.Response seatMap = gateway.get(HotShowRace.seatsPath(showId), options.apiKey());
        Instant checkedAt = Instant.now();
        if (!seatMap.ok()) {
            throw new IllegalStateException("The final seat map answered " + seatMap.status() + ": " + seatMap.text());
        }
        Map<String, String> statuses = SeatMapView.from(seatMap.json()).statuses();

        Set<Integer> holders = new TreeSet<>();
        result.holds().forEach(hold -> holders.add(hold.customer()));
        result.unanswered().forEach(attempt -> holders.add(attempt.customer()));
        List<Integer> customers = new ArrayList<>(holders);
        Map<Integer, Set<String>> heldByYou = new ConcurrentHashMap<>();
        var next = new AtomicInteger();
        LoadRunner.together(Math.min(16, Math.max(1, customers.size())), worker -> {
            for (int index = next.getAndIncrement(); index < customers.size(); index = next.getAndIncrement()) {
                int customer = customers.get(index);
                Gateway.Response own = gateway.get(HotShowRace.seatsPath(showId), options.apiKey(),
                        sessions.get(customer));
                if (!own.ok()) {
                    throw new IllegalStateException("A customer's seat map answered " + own.status());
                }
                heldByYou.put(customer, SeatMapView.from(own.json()).heldByYou());
            }
        });
        return OversellCheck.of(SEATS, result.holds(), result.unanswered(), statuses, checkedAt,
                Collections.unmodifiableMap(new HashMap<>(heldByYou)));
    }
}
