package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Issue 14's arena on-sale: thousands of customers hold out a 60,000-seat show through the gateway, 1 to 4 seats
 * side by side at a time, up to 10 each, closed loop without think time, while seat-map streams (SSE) follow every
 * change. The customers pick from one map kept current by a stream ({@link LiveSeatMap}), as each would from its own
 * stream: ten thousand customers each reading a 60,000-seat map would measure the load generator's JSON parsing, not
 * the platform. Their requests reach the gateway over {@code --connections} connections at most, as through an
 * ingress: ten thousand connections opened at once to one two-core machine measure its TCP accept queue (tried: most
 * requests timed out in connection storms). Prints how long the arena took to hold out, the hold attempts' rate and latency, the stack's CPU per
 * successful hold process by process (local stack), whether every stream's map equals the final map within a second
 * of the last change, and the oversell check (the exit status is 1 when a seat was oversold or a stream fell behind).
 * With {@code --room}, the show sells through its virtual waiting room ({@link ArenaRoom}): each customer holds only
 * once admitted, with its token, and the hold attempts' p99 in every 10 s of the race must stay under
 * {@code --hold-bound}.
 */
public final class ArenaBenchmark {

    private static final Duration STREAM_DEADLINE = Duration.ofSeconds(1);
    private static final long PAUSE_AFTER_ERROR_MILLIS = 10;
    /** The stretch of the race each p99 of the hold attempts is taken over. */
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final ArenaOptions options;
    private final Gateway gateway;
    private final PrintStream out;

    ArenaBenchmark(ArenaOptions options, PrintStream out) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), options.timeout());
        this.out = out;
    }

    boolean run() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "Arena benchmark: %,d customers hold out the %,d seats of one show while %,d seat-map "
                + "streams follow it%n", options.customers(), options.seats(), options.streams());
        StackCpu cpu = RunEnvironment.isLocal(options.gateway()) ? StackCpu.findLocalStack() : null;
        out.println();
        out.println("Setup");
        var setup = new HotShowSetup(gateway, options.apiKey(), options.adminKey(), out);
        String showId = setup.show("Arena", options.seats(), options.seatsPerRow());
        List<String> sessions = Sessions.open(gateway, options.adminKey(),
                "arena-" + Long.toString(System.currentTimeMillis(), 36) + "-", options.customers(), out);
        out.printf(Locale.ROOT, "  %,d customer sessions%n", sessions.size());
        Gateway.Response first = gateway.get(HotShowRace.seatsPath(showId), options.apiKey(), sessions.getFirst());
        if (!first.ok()) {
            throw new IllegalStateException("The arena's seat map answered " + first.status() + ": " + first.text());
        }
        var shared = new LiveSeatMap(SeatMapView.from(first.json()));
        HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<SeatStreamWatcher> watchers = new ArrayList<>();
        ArenaRoom room = null;
        try {
            watchers.add(new SeatStreamWatcher(streamClient, options.gateway(), showId, options.apiKey(),
                    shared::set));
            for (int i = 1; i < options.streams(); i++) {
                watchers.add(new SeatStreamWatcher(streamClient, options.gateway(), showId, options.apiKey(),
                        (seat, status) -> { }));
            }
            for (SeatStreamWatcher watcher : watchers) {
                if (!watcher.awaitSynced(Duration.ofSeconds(30))) {
                    throw new IllegalStateException("A seat-map stream sent no snapshot within 30 s");
                }
            }
            out.printf(Locale.ROOT, "  %,d seat-map streams open, each with its snapshot%n", watchers.size());
            room = options.roomRate() > 0 ? new ArenaRoom(gateway, options, showId, out) : null;
            if (room != null) {
                room.fill(sessions);
            }
            RunEnvironment.here(options.gateway(), Map.of("show", String.format(Locale.ROOT, "%s, %,d seats (%,d rows "
                    + "of %,d), on sale", showId, options.seats(), options.seats() / options.seatsPerRow(),
                    options.seatsPerRow()), "load average", HotShowBenchmark.loadAverage()),
                    options.customers() + " customers, one session and one virtual thread each, closed loop "
                            + (options.think().isZero() ? "without think time"
                                    : "thinking " + options.think().toMillis() + " ms on average before each attempt "
                                            + "after the first")
                            + ", picking from one map kept by a seat stream, at most " + options.connections()
                            + " requests in flight; seed " + options.seed(),
                    RunEnvironment.announcedBurst(first.headers())).printForCustomers(out);

            out.println();
            out.println("Race: every customer holds 1 to 4 seats at a time until it has 10 or the arena is held out");
            StackCpu.Snapshot before = cpu == null ? null : cpu.snapshot();
            Race race = race(showId, sessions, shared, room, cpu, before);
            CpuUse used = cpu == null ? null : cpu.between(before, cpu.snapshot());

            Gateway.Response end = gateway.get(HotShowRace.seatsPath(showId), options.apiKey());
            Instant checkedAt = Instant.now();
            if (!end.ok()) {
                throw new IllegalStateException("The final seat map answered " + end.status() + ": " + end.text());
            }
            Map<String, String> finalStatuses = SeatMapView.from(end.json()).statuses();
            StreamCheck streams = checkStreams(watchers, finalStatuses, race.lastHeldNanos());
            OversellCheck oversell = OversellCheck.of(options.seats(), race.holds(), race.unanswered(), finalStatuses,
                    checkedAt, ownViews(showId, sessions, race.unanswered()));

            print(race, used, streams, finalStatuses);
            boolean withinBound = printHoldWindows(race);
            if (room != null) {
                printRoom(room, race);
            }
            out.println();
            out.println("Oversell check");
            oversell.describe().forEach(line -> out.println("  " + line));
            out.println("oversells: " + oversell.oversells());
            if (oversell.inconsistencies() > 0) {
                out.println("inconsistencies (seats of successful holds the map does not show as held): "
                        + oversell.inconsistencies());
            }
            return oversell.passed() && streams.late() == 0 && (room == null || withinBound);
        }
        finally {
            watchers.forEach(SeatStreamWatcher::close);
            if (room != null) {
                room.close();
            }
        }
    }

    /**
     * What the race did: every customer's attempts, successes and why it stopped.
     *
     * @param lastHeldNanos when the last successful hold's 201 was read: the platform had made its last change
     * @param beforeOpening the part of {@code duration} before the room's opening (zero without a room)
     * @param heldOutAfter from the opening (the start, without a room)
     * @param attempts the hold attempts, their rate over the race from the opening
     * @param timeline every hold attempt's answer: when it was sent, from the opening, and its latency (nanos)
     * @param waits how long each admitted customer waited in the room; empty without one
     */
    private record Race(Duration duration, Duration beforeOpening, Duration heldOutAfter, ScenarioResult attempts,
            List<SuccessfulHold> holds, List<UnansweredHold> unanswered, Map<String, Long> stops, long lastHeldNanos,
            List<long[]> timeline, List<Duration> waits) {

        int seatsTaken() {
            return holds.stream().mapToInt(hold -> hold.seatIds().size()).sum();
        }
    }

    private Race race(String showId, List<String> sessions, LiveSeatMap shared, ArenaRoom room, StackCpu cpu,
            StackCpu.Snapshot before) throws IOException, InterruptedException {
        int customers = sessions.size();
        // one recorder for all: two histograms of 172 KB each per customer were 3.4 GB of the harness's heap for
        // 10,000, and it paused for up to 0.82 s while they were made
        var attempts = new LatencyRecorder();
        List<List<SuccessfulHold>> holds = new ArrayList<>();
        List<List<UnansweredHold>> unanswered = new ArrayList<>();
        String[] stops = new String[customers];
        var seeds = new SplittableRandom(options.seed());
        List<SplittableRandom> randoms = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            holds.add(new ArrayList<>());
            unanswered.add(new ArrayList<>());
            randoms.add(seeds.split());
        }
        var heldOut = new AtomicLong();
        var lastHeld = new AtomicLong();
        long start = System.nanoTime();
        long opening = start + (room == null ? 0 : options.openingIn().toNanos());
        long deadline = opening + options.phaseLimit().toNanos();
        String path = "/api/v1/shows/" + showId + "/holds";
        var inFlight = new Semaphore(options.connections(), true);
        Queue<long[]> timeline = new ConcurrentLinkedQueue<>();
        Queue<Duration> waits = new ConcurrentLinkedQueue<>();
        if (room != null) {
            room.openIn(options.openingIn(), opening, cpu, before);
        }
        Duration duration;
        try (ExecutorService senders = Executors.newFixedThreadPool(options.connections(),
                Thread.ofPlatform().name("hold-sender-", 0).daemon().factory())) {
            duration = LoadRunner.together(customers, number -> {
                int seats = 0;
                stops[number] = "time limit";
                Map<String, String> headers = Map.of();
                if (room != null) {
                    ArenaRoom.Admission admission = room.await(number, sessions.get(number), deadline);
                    if (admission.token() == null) {
                        stops[number] = "room " + admission.status();
                        return;
                    }
                    waits.add(admission.waited());
                    headers = Map.of(ArenaRoom.TOKEN_HEADER, admission.token());
                }
                boolean first = true;
                while (System.nanoTime() - deadline < 0) {
                    if (!first && !options.think().isZero()) {
                        Thread.sleep(Duration.ofNanos(randoms.get(number).nextLong(2 * options.think().toNanos() + 1)));
                    }
                    first = false;
                    // a customer looks at the map once it has a connection: seats picked before waiting for one would
                    // be taken by the time they were asked for
                    inFlight.acquire();
                    List<String> chosen = List.of();
                    Gateway.Response answer;
                    try {
                        if (shared.availableCount() == 0) {
                            heldOut.compareAndSet(0, System.nanoTime());
                            stops[number] = "held out (no AVAILABLE seat on the map)";
                            return;
                        }
                        int wanted = Math.min(1 + randoms.get(number).nextInt(HotShowRace.MAX_SEATS_PER_ATTEMPT),
                                HotShowRace.SEATS_PER_CUSTOMER - seats);
                        chosen = shared.pick(wanted, randoms.get(number));
                        Map<String, String> token = headers;
                        List<String> picked = chosen;
                        Timed timed = timed(senders, () -> gateway.post(path, options.apiKey(), sessions.get(number),
                                token, Map.of("seatIds", picked)));
                        answer = timed.response();
                        attempts.record(answer.status(), answer.ok() ? null : answer.problemCode(),
                                timed.latency());
                        timeline.add(new long[] { timed.sent() - opening, timed.latency() });
                    }
                    catch (IOException ex) {
                        attempts.fail(ex);
                        unanswered.get(number).add(new UnansweredHold(number, chosen));
                        Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                        continue;
                    }
                    finally {
                        inFlight.release();
                    }
                    if (answer.status() == 201) {
                        lastHeld.accumulateAndGet(System.nanoTime(), Math::max);
                        SuccessfulHold hold = SuccessfulHold.of(number, answer);
                        holds.get(number).add(hold);
                        seats += hold.seatIds().size();
                        if (seats >= HotShowRace.SEATS_PER_CUSTOMER) {
                            stops[number] = HotShowRace.SEATS_PER_CUSTOMER + " seats";
                            return;
                        }
                        continue;
                    }
                    if (answer.status() >= 500) {
                        unanswered.get(number).add(new UnansweredHold(number, chosen));
                    }
                    String code = answer.problemCode();
                    if ("SHOW_FULL".equals(code) || "TOO_MANY_SEATS".equals(code)) {
                        heldOut.compareAndSet(0, System.nanoTime());
                        stops[number] = code;
                        return;
                    }
                    if (answer.status() != 409 && answer.status() != 422) {
                        Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                    }
                }
            });
        }
        List<SuccessfulHold> allHolds = new ArrayList<>();
        holds.forEach(allHolds::addAll);
        List<UnansweredHold> allUnanswered = new ArrayList<>();
        unanswered.forEach(allUnanswered::addAll);
        Map<String, Long> byStop = new TreeMap<>();
        for (String stop : stops) {
            byStop.merge(stop, 1L, Long::sum);
        }
        Duration heldOutAfter = heldOut.get() == 0 ? null : Duration.ofNanos(heldOut.get() - opening);
        Duration beforeOpening = Duration.ofNanos(opening - start);
        return new Race(duration, beforeOpening, heldOutAfter,
                LatencyRecorder.merge("hold attempts", duration.minus(beforeOpening), List.of(attempts)),
                List.copyOf(allHolds), List.copyOf(allUnanswered), byStop, lastHeld.get(), List.copyOf(timeline),
                List.copyOf(waits));
    }

    /** A hold attempt's answer, when it was sent ({@link System#nanoTime()}) and how long its answer took. */
    private record Timed(Gateway.Response response, long sent, long latency) {
    }

    /**
     * Sends a hold attempt on one of {@code senders}' platform threads, timed there: a customer's virtual thread,
     * woken by its answer, waits for one of the load generator's two carrier threads, behind the thousands of waiting
     * pages' threads that the same moment can wake (the room's sell-out answers every long poll at once), and that wait
     * is the load generator's, not the platform's. In issue 19's eighty-fifth and eighty-ninth runs, the windows above
     * the bound were 711 to 976 ms in the gateway's access log and 1,154 to 2,651 ms as timed on virtual threads.
     */
    private static Timed timed(ExecutorService senders, Callable<Gateway.Response> attempt)
            throws IOException, InterruptedException {
        Future<Timed> sending = senders.submit(() -> {
            long sent = System.nanoTime();
            Gateway.Response response = attempt.call();
            return new Timed(response, sent, System.nanoTime() - sent);
        });
        try {
            return sending.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException failed) {
                throw failed;
            }
            throw new IllegalStateException("A hold attempt failed", ex.getCause());
        }
    }

    /**
     * The hold attempts' p99 in every {@link #WINDOW} of the race, against {@code --hold-bound}: whether the hold path
     * stayed under it the whole time (with a room, the run fails when it did not).
     */
    private boolean printHoldWindows(Race race) {
        Map<Long, List<Long>> windows = new TreeMap<>();
        for (long[] attempt : race.timeline()) {
            windows.computeIfAbsent(attempt[0] / WINDOW.toNanos(), window -> new ArrayList<>()).add(attempt[1]);
        }
        out.println();
        out.printf(Locale.ROOT, "Hold attempts' p99 per %d s of the race, against the bound of %d ms%n",
                WINDOW.toSeconds(), options.holdBound().toMillis());
        out.println();
        List<List<String>> rows = new ArrayList<>();
        long worst = 0;
        for (var window : windows.entrySet()) {
            List<Long> latencies = window.getValue();
            Collections.sort(latencies);
            long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            worst = Math.max(worst, p99);
            rows.add(List.of(String.format(Locale.ROOT, "%d-%d s", window.getKey() * WINDOW.toSeconds(),
                    (window.getKey() + 1) * WINDOW.toSeconds()), String.format(Locale.ROOT, "%,d", latencies.size()),
                    Report.millis(p99 / 1e6)));
        }
        out.print(Report.markdown(List.of("window", "attempts", "p99 ms"), rows, Set.of(0)));
        boolean within = worst <= options.holdBound().toNanos();
        out.printf(Locale.ROOT, "worst window's p99: %s ms (%s the bound of %d ms)%n", Report.millis(worst / 1e6),
                within ? "within" : "ABOVE", options.holdBound().toMillis());
        return within;
    }

    /** The waiting room at the end, as its admins see it, and how long the admitted waited. */
    private void printRoom(ArenaRoom room, Race race) throws IOException, InterruptedException {
        var state = room.state();
        List<Long> waited = race.waits().stream().map(Duration::toMillis).sorted().toList();
        out.println();
        out.println("Waiting room");
        out.printf(Locale.ROOT, "  status %s, %,d admitted, %,d still waiting, %,d seats left%n",
                state.path("status").asString(), state.path("admitted").asLong(), state.path("waiting").asLong(),
                state.path("seatsLeft").asLong());
        out.printf(Locale.ROOT, "  admitting %d a minute at the end (configured %d)%s%n",
                state.path("effectiveAdmitPerMinute").asLong(), state.path("admitPerMinute").asLong(),
                state.path("throttled").asBoolean() ? ": " + state.path("throttleReason").asString() : "");
        if (!waited.isEmpty()) {
            out.printf(Locale.ROOT, "  the admitted waited p50 %.1f s, max %.1f s%n",
                    waited.get(waited.size() / 2) / 1000.0, waited.getLast() / 1000.0);
        }
        ArenaRoom.Reads reads = room.reads();
        out.printf(Locale.ROOT, "  places read while waiting: %,d (%.1f a second of the race), %,d of them long polls, "
                + "%,d without an answer%n", reads.reads(), reads.reads() / (race.duration().toMillis() / 1000.0),
                reads.longPolls(), reads.failed());
        ArenaRoom.BeforeOpening before = room.beforeOpening();
        double seconds = race.beforeOpening().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "  before the opening (%.1f s): %,d places read (%.1f a second)%s%n", seconds,
                before.reads(), before.reads() / seconds, before.cpu() == null ? ""
                        : String.format(Locale.ROOT, ", the stack %.2f cores busy (%s)", before.cpu().cores(),
                                busiest(before.cpu())));
    }

    /** The three parts of the stack that used the most CPU, and their cores. */
    private static String busiest(CpuUse used) {
        double wall = used.wallMillis();
        return used.millis().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3).map(part -> String.format(Locale.ROOT, "%s %.2f", part.getKey(), part.getValue() / wall))
                .collect(Collectors.joining(", "));
    }

    /**
     * @param late streams whose map did not equal the final map within {@link #STREAM_DEADLINE} of the last change
     * @param slowest the longest a stream took, from the last change its shared view saw, to equal the final map;
     *        null when one never did
     * @param reconnected streams whose connection ended, and that connected again
     * @param restarted streams that got a fresh snapshot on a connection they had, after a missing change
     */
    private record StreamCheck(int streams, int late, Duration slowest, int reconnected, int restarted) {
    }

    /**
     * Each stream's map against the final map, polled until it matches (up to 10 s from now); its lag is from the last
     * successful hold's answer to the moment the stream's client applied the event that made its map final (zero when
     * that came first: a hold's change is published before the hold is answered). Reading the final map and comparing
     * 60,000 seats per stream take the load generator seconds, which are not the streams' lag.
     */
    private static StreamCheck checkStreams(List<SeatStreamWatcher> watchers, Map<String, String> finalStatuses,
            long lastHeldNanos) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int late = 0;
        int reconnected = 0;
        int restarted = 0;
        Duration slowest = Duration.ZERO;
        for (SeatStreamWatcher watcher : watchers) {
            Duration matched = null;
            while (true) {
                if (watcher.statuses().equals(finalStatuses)) {
                    matched = Duration.ofNanos(Math.max(0, watcher.lastChangedNanos() - lastHeldNanos));
                    break;
                }
                if (System.nanoTime() - giveUp > 0) {
                    break;
                }
                Thread.sleep(10);
            }
            if (watcher.connections() > 1) {
                reconnected++;
            }
            if (watcher.snapshots() > watcher.connections()) {
                restarted++;
            }
            if (matched == null || matched.compareTo(STREAM_DEADLINE) > 0) {
                late++;
            }
            slowest = matched == null || slowest == null ? null : (matched.compareTo(slowest) > 0 ? matched : slowest);
        }
        return new StreamCheck(watchers.size(), late, slowest, reconnected, restarted);
    }

    /**
     * The seat maps of the customers with an attempt that got no answer, as each sees it: those attempts may have
     * taken their seats, which the check accepts only when the map shows them as that customer's own.
     */
    private Map<Integer, Set<String>> ownViews(String showId, List<String> sessions, List<UnansweredHold> unanswered)
            throws IOException, InterruptedException {
        Map<Integer, Set<String>> views = new HashMap<>();
        for (int customer : new TreeSet<>(unanswered.stream().map(UnansweredHold::customer).toList())) {
            Gateway.Response own = gateway.get(HotShowRace.seatsPath(showId), options.apiKey(), sessions.get(customer));
            if (!own.ok()) {
                throw new IllegalStateException("A customer's seat map answered " + own.status());
            }
            views.put(customer, SeatMapView.from(own.json()).heldByYou());
        }
        return Collections.unmodifiableMap(views);
    }

    private void print(Race race, CpuUse used, StreamCheck streams, Map<String, String> finalStatuses) {
        long stillAvailable = finalStatuses.values().stream().filter(SeatMapView.AVAILABLE::equals).count();
        out.println();
        out.printf(Locale.ROOT, "Results (%,d seats, %,d customers, %,d streams)%n", options.seats(),
                options.customers(), streams.streams());
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("held out after", race.heldOutAfter() == null ? "not held out"
                : String.format(Locale.ROOT, "%.1f s", race.heldOutAfter().toMillis() / 1000.0)));
        rows.add(List.of("race (until every customer stopped)", String.format(Locale.ROOT, "%.1f s%s",
                race.duration().toMillis() / 1000.0, race.beforeOpening().isZero() ? ""
                        : String.format(Locale.ROOT, ", the first %.1f s before the room's opening (the times below "
                                + "are from the opening)", race.beforeOpening().toMillis() / 1000.0))));
        rows.add(List.of("seats taken by successful holds", String.format(Locale.ROOT, "%,d of %,d (%,d still "
                + "AVAILABLE on the final map)", race.seatsTaken(), options.seats(), stillAvailable)));
        rows.add(List.of("successful holds", String.format(Locale.ROOT, "%,d, %s/s", race.attempts().successes(),
                Report.rate(race.attempts().successes() / (race.duration().minus(race.beforeOpening()).toNanos()
                        / 1e9)))));
        rows.add(List.of("hold attempts", String.format(Locale.ROOT, "%,d, %s/s", race.attempts().attempts(),
                Report.rate(race.attempts().attemptRate()))));
        rows.add(List.of("attempt latency, every answer, from sending (not the wait for a connection)", String.format(Locale.ROOT, "p50 %s ms, p90 %s ms, p99 %s "
                + "ms, max %s ms", Report.millis(race.attempts().answeredPercentileMillis(50)),
                Report.millis(race.attempts().answeredPercentileMillis(90)),
                Report.millis(race.attempts().answeredPercentileMillis(99)),
                Report.millis(race.attempts().answeredMaxMillis()))));
        rows.add(List.of("attempts by outcome", HotShowReport.outcomes(race.attempts(), 201)));
        rows.add(List.of("customers stopped by", HotShowReport.stops(race.stops())));
        rows.add(List.of("streams equal to the final map within " + STREAM_DEADLINE.toSeconds() + " s of the last "
                + "change", String.format(Locale.ROOT, "%,d of %,d (slowest %s; %,d connected again, %,d started over "
                        + "on their connection)", streams.streams() - streams.late(), streams.streams(),
                        streams.slowest() == null ? "never" : streams.slowest().toMillis() + " ms",
                        streams.reconnected(), streams.restarted())));
        out.print(Report.markdown(List.of("", "arena"), rows, Set.of(0, 1)));
        if (used != null) {
            out.println();
            out.printf(Locale.ROOT, "CPU ms per successful hold, per process, over the race (%,d holds; includes the "
                    + "refused attempts and the streams)%n", race.attempts().successes());
            out.println();
            List<List<String>> cpuRows = new ArrayList<>();
            used.perOperation(race.attempts().successes()).forEach((part, millis) -> cpuRows.add(List.of(part, String.format(Locale.ROOT, "%.3f", millis))));
            cpuRows.add(List.of("stack total", String.format(Locale.ROOT, "%.3f",
                    used.totalPerOperation(race.attempts().successes()))));
            out.print(Report.markdown(List.of("process", "CPU ms per hold"), cpuRows, Set.of(0)));
            out.printf(Locale.ROOT, "stack %.2f cores busy on average over the race%n", used.cores());
        }
        out.println("Load average at the end: " + HotShowBenchmark.loadAverage());
    }
}
