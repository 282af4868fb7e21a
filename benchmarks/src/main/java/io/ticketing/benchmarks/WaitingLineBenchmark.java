package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.JsonNode;

/**
 * The waiting line under load: every seat of one show is held, hundreds of customers join its waiting line and
 * long-poll their entries, then the holds are released one by one at a fixed rate (or all at once). Prints how long
 * an offer took to reach its long-polling waiter after the release that freed its seats, how many long polls that
 * took, and checks that the line was served first come, first served (exit status 1 otherwise). See
 * {@code benchmarks/README.md}.
 */
public final class WaitingLineBenchmark {

    /** A long poll's own timeout: its waitSeconds, plus room for a busy gateway to answer. */
    private static final Duration POLL_MARGIN = Duration.ofSeconds(15);
    private static final Duration PARKED_WAIT = Duration.ofSeconds(30);
    /** After a long poll failed (a 503 of an open circuit, a 504): as a client app would, not in a tight loop. */
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1_000;

    private final WaitingLineOptions options;
    private final Gateway gateway;
    private final Gateway polls;
    private final PrintStream out;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger offersSeen = new AtomicInteger();
    private final AtomicInteger stillWaiting = new AtomicInteger();
    private final LongAdder pollsWhileJoining = new LongAdder();
    private final LongAdder pollsDuringReleases = new LongAdder();
    private final ConcurrentMap<String, LongAdder> pollOutcomes = new ConcurrentHashMap<>();
    private volatile boolean releasing;
    private volatile boolean stopping;

    WaitingLineBenchmark(WaitingLineOptions options, PrintStream out) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), options.timeout());
        this.polls = new Gateway(options.gateway(), Duration.ofSeconds(options.waitSeconds()).plus(POLL_MARGIN));
        this.out = out;
    }

    record Holder(int number, String session, String holdId, List<String> seatIds) {
    }

    /**
     * The server's clock read on {@link System#nanoTime()}'s scale (the platform runs on this machine), and the life
     * of a hold learnt from the holders' holds: the shortest {@code expiresAt} minus the moment its {@code POST} was
     * sent, at most that {@code POST}'s latency longer than the life. An offer's {@code expiresAt} minus that life is
     * when the platform made it, so a release → offer splits into the platform making the offer and the offer
     * reaching its waiter.
     */
    private final long wallAnchorNanos = System.nanoTime();
    private final Instant wallAnchor = Instant.now();
    private final AtomicLong holdLifeNanos = new AtomicLong(
            Long.MAX_VALUE);

    private long nanos(Instant instant) {
        return wallAnchorNanos + Duration.between(wallAnchor, instant).toNanos();
    }

    private long madeNanos(WaitingLineCheck.Offer offer) {
        return nanos(offer.madeAt()) - holdLifeNanos.get();
    }

    /** One waiting customer; its fields are written by its own long-polling thread only. */
    static final class Waiter {

        final int number;
        final String session;
        String entryId;
        volatile int position;
        volatile String status = "WAITING";
        volatile WaitingLineCheck.Offer offer;
        volatile int polls;
        volatile String platformStatus;

        Waiter(int number, String session) {
            this.number = number;
            this.session = session;
        }
    }

    /** @return whether the line was served first come, first served, each seat once, every fitting waiter */
    boolean run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "Waiting line benchmark: %,d waiters of %d seat%s each wait for a show of %,d seats held "
                + "by %,d customers, who release their holds %s%n", options.waiters(), options.waiterSeats(),
                options.waiterSeats() == 1 ? "" : "s", options.seats(), options.holders(), releasePace());
        out.println();
        out.println("Setup");
        var setup = new HotShowSetup(gateway, options.apiKey(), options.adminKey(), out);
        String showId = setup.show("Waiting line", options.seats());
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> holderSessions = Sessions.open(gateway, options.adminKey(), "waiting-line-" + run + "-holder-",
                options.holders(), out);
        List<String> waiterSessions = Sessions.open(gateway, options.adminKey(), "waiting-line-" + run + "-waiter-",
                options.waiters(), out);
        out.printf(Locale.ROOT, "  %,d customer sessions: %,d holders, %,d waiters%n",
                holderSessions.size() + waiterSessions.size(), holderSessions.size(), waiterSessions.size());
        List<Gateway.Response> lastHold = Collections.synchronizedList(new ArrayList<>());
        List<Holder> holders = holdEverySeat(showId, holderSessions, lastHold);
        out.printf(Locale.ROOT, "  %,d holds of %d seats: all %,d seats held%n", holders.size(),
                WaitingLineOptions.HOLD_SEATS, options.seats());
        awaitWaitingRoute(waiterSessions.getFirst());

        RunEnvironment environment = RunEnvironment.here(options.gateway(),
                Map.of("show", showId + ", " + String.format(Locale.ROOT, "%,d", options.seats()) + " seats (rows of "
                        + "50), every seat held", "load average", HotShowBenchmark.loadAverage()),
                String.format(Locale.ROOT, "%,d waiters of %d seat%s, each long-polling on its own virtual thread "
                        + "(waitSeconds=%d); %,d holds of %d seats released %s", options.waiters(),
                        options.waiterSeats(), options.waiterSeats() == 1 ? "" : "s", options.waitSeconds(), holders.size(),
                        WaitingLineOptions.HOLD_SEATS, releasePace()),
                lastHold.isEmpty() ? OptionalInt.empty() : RunEnvironment.announcedBurst(lastHold.getFirst().headers()));
        environment.printForCustomers(out);

        out.println();
        out.printf(Locale.ROOT, "Joining: %,d waiters join the line one after another, each long-polling from its 201 on%n",
                options.waiters());
        List<Waiter> waiters = new ArrayList<>();
        List<Long> joinNanos = new ArrayList<>();
        ExecutorService watchers = Executors.newVirtualThreadPerTaskExecutor();
        StackCpu cpu = RunEnvironment.isLocal(options.gateway()) ? StackCpu.findLocalStack() : null;
        StackCpu.Snapshot beforeJoining = cpu == null ? null : cpu.snapshot();
        long joinStarted = System.nanoTime();
        int positionsAsJoined = 0;
        for (int number = 0; number < options.waiters(); number++) {
            Waiter waiter = new Waiter(number, waiterSessions.get(number));
            long sent = System.nanoTime();
            Gateway.Response joined = gateway.post("/api/v1/shows/" + showId + "/waitlist", options.apiKey(),
                    waiter.session, Map.of("seatCount", options.waiterSeats()));
            joinNanos.add(System.nanoTime() - sent);
            if (joined.status() != 201) {
                throw new IllegalStateException("Waiter " + (number + 1) + " could not join: POST /api/v1/shows/"
                        + showId + "/waitlist answered " + joined.status() + ": " + joined.text());
            }
            JsonNode entry = joined.json();
            waiter.entryId = entry.path("entryId").asString();
            waiter.position = entry.path("position").asInt();
            if (waiter.position == number + 1) {
                positionsAsJoined++;
            }
            waiters.add(waiter);
            stillWaiting.incrementAndGet();
            watchers.submit(() -> {
                watch(waiter);
                return null;
            });
        }
        long joined = System.nanoTime() - joinStarted;
        CpuUse joining = cpu == null ? null : cpu.between(beforeJoining, cpu.snapshot());
        out.printf(Locale.ROOT, "  %,d joined in %,d ms (POST p50 %s ms, max %s ms); %,d of them were told the "
                + "position they joined at (1 to %,d)%n", waiters.size(), TimeUnit.NANOSECONDS.toMillis(joined),
                Report.millis(percentileMillis(joinNanos, 50)), Report.millis(maxMillis(joinNanos)), positionsAsJoined,
                waiters.size());
        long parkedFrom = System.nanoTime();
        boolean parked = awaitParked(waiters.size());
        out.printf(Locale.ROOT, "  %s after %,d ms; %,d long polls answered so far (%.1f per waiter)%n",
                parked ? "every waiter has a long poll open" : "WARNING: not every waiter has a long poll open",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - parkedFrom), pollsWhileJoining.sum(),
                pollsWhileJoining.sum() / (double) waiters.size());

        out.println();
        out.printf(Locale.ROOT, "Releases: %,d holds of %d seats released %s%n", holders.size(),
                WaitingLineOptions.HOLD_SEATS, releasePace());
        List<WaitingLineCheck.Release> releases = Collections.synchronizedList(new ArrayList<>());
        List<Long> deleteNanos = Collections.synchronizedList(new ArrayList<>());
        ConcurrentMap<String, LongAdder> releaseProblems = new ConcurrentHashMap<>();
        StackCpu.Snapshot beforeReleases = cpu == null ? null : cpu.snapshot();
        long releaseStarted = System.nanoTime();
        releasing = true;
        releaseAll(holders, releases, deleteNanos, releaseProblems);
        long releasesDone = System.nanoTime();
        int seatsFreed = releases.stream().mapToInt(release -> release.seatIds().size()).sum();
        int expected = Math.min(waiters.size(), seatsFreed / options.waiterSeats());
        out.printf(Locale.ROOT, "  %,d released (204) in %,d ms, %,d seats freed; DELETE p50 %s ms, max %s ms%s%n",
                releases.size(), TimeUnit.NANOSECONDS.toMillis(releasesDone - releaseStarted), seatsFreed,
                Report.millis(percentileMillis(deleteNanos, 50)), Report.millis(maxMillis(deleteNanos)),
                releaseProblems.isEmpty() ? "" : "; other answers: " + outcomes(releaseProblems));

        long deadline = releasesDone + options.settle().toNanos();
        while (offersSeen.get() < expected && stillWaiting.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        long settled = System.nanoTime();
        CpuUse offering = cpu == null ? null : cpu.between(beforeReleases, cpu.snapshot());
        List<Waiter> leftWaiting = waiters.stream().filter(waiter -> waiter.offer == null
                && "WAITING".equals(waiter.status)).toList();
        out.printf(Locale.ROOT, "  %,d offers seen by their waiters (%,d expected), the last %,d ms after the first "
                + "release; %,d waiters still WAITING%n", offersSeen.get(), expected,
                TimeUnit.NANOSECONDS.toMillis(lastOfferSeen(waiters, releaseStarted) - releaseStarted),
                leftWaiting.size());
        stopping = true;
        // the waiters stop after their current long poll; then, with the gateway's circuit breaker closed again,
        // the platform's own view of those that saw no offer, and those still waiting leave the line
        watchers.shutdown();
        if (!watchers.awaitTermination(options.waitSeconds() + POLL_MARGIN.toSeconds() + 5, TimeUnit.SECONDS)) {
            out.println("  some long polls did not end: interrupting them");
            watchers.shutdownNow();
        }
        List<String> platformSays = List.of();
        if (!leftWaiting.isEmpty()) {
            awaitWaitingRoute(leftWaiting.getFirst().session);
            platformSays = platformView(leftWaiting);
            cancel(leftWaiting.stream().filter(waiter -> "WAITING".equals(waiter.platformStatus)).toList());
        }
        long finished = System.nanoTime();

        List<WaitingLineCheck.Offer> offers = waiters.stream().map(waiter -> waiter.offer)
                .filter(java.util.Objects::nonNull).toList();
        WaitingLineCheck check = WaitingLineCheck.of(waiters.size(), options.waiterSeats(), releases, offers);
        List<Long> latencies = check.matched().stream().map(WaitingLineCheck.Matched::latencyNanos).toList();

        out.println();
        out.printf(Locale.ROOT, "Results (%,d seats, %,d waiters of %d seat%s, releases %s)%n", options.seats(),
                waiters.size(), options.waiterSeats(), options.waiterSeats() == 1 ? "" : "s", releasePace());
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("release → offer seen by its waiter", latencies));
        int quarter = Math.max(1, (waiters.size() + 3) / 4);
        for (int from = 0; from < waiters.size(); from += quarter) {
            int first = from;
            int last = Math.min(waiters.size(), from + quarter) - 1;
            List<Long> part = check.matched().stream()
                    .filter(match -> match.offer().waiter() >= first && match.offer().waiter() <= last)
                    .map(WaitingLineCheck.Matched::latencyNanos).toList();
            rows.add(row(String.format(Locale.ROOT, "  waiters %,d–%,d in the line", first + 1, last + 1), part));
        }
        rows.add(row("  release → offer made (platform)", check.matched().stream()
                .map(match -> madeNanos(match.offer()) - match.release().sentNanos()).toList()));
        rows.add(row("  offer made → seen by its waiter", check.matched().stream()
                .map(match -> match.offer().seenNanos() - madeNanos(match.offer())).toList()));
        rows.add(row("DELETE of a hold (release)", deleteNanos));
        rows.add(row("POST waitlist (join)", joinNanos));
        out.print(Report.markdown(List.of("measure", "count", "p50 ms", "p90 ms", "p99 ms", "max ms"), rows));
        out.println();
        out.println("release → offer: from sending the DELETE of the hold that freed the offer's (last) seats to "
                + "reading the long poll that answered OFFERED; the offer was made at its expiresAt minus a hold's "
                + "life (learnt from the holders' holds, to within their POST's latency)");
        out.println("Offers per release: " + perRelease(WaitingLineCheck.offersPerRelease(check.matched(), releases)));
        long allPolls = pollsWhileJoining.sum() + pollsDuringReleases.sum();
        List<Long> perWaiter = waiters.stream().map(waiter -> (long) waiter.polls).sorted().toList();
        out.printf(Locale.ROOT, "Long polls: %,d in all, %.1f per waiter (median %,d, max %,d): %,d while the line "
                + "formed, %,d from the first release on%n", allPolls, allPolls / (double) waiters.size(),
                perWaiter.get(perWaiter.size() / 2), perWaiter.getLast(), pollsWhileJoining.sum(),
                pollsDuringReleases.sum());
        out.println("Long polls by answer: " + outcomes(pollOutcomes));
        out.printf(Locale.ROOT, "Run time: %,.1f s in all (setup %,.1f s, joining %,.1f s, releases %,.1f s, waiting for "
                + "the offers %,.1f s, ending %,.1f s)%n", seconds(finished - started), seconds(joinStarted - started),
                seconds(releaseStarted - joinStarted), seconds(releasesDone - releaseStarted),
                seconds(settled - releasesDone), seconds(finished - settled));
        out.println("Load average at the end: " + HotShowBenchmark.loadAverage());
        if (joining != null) {
            printCpu(joining, waiters.size(), offering, offersSeen.get());
        }

        out.println();
        out.println("Checks");
        check.describe().forEach(line -> out.println("  " + line));
        int expectedLeft = waiters.size() - expected;
        out.printf(Locale.ROOT, "  left WAITING at the end: %,d (%,d expected: more waiters than freed seats serve)%s%n",
                leftWaiting.size(), expectedLeft, leftWaiting.size() == expectedLeft ? "" : "  <-- WRONG: "
                        + leftWaiting.stream().limit(5).map(waiter -> "waiter " + (waiter.number + 1)).toList());
        platformSays.forEach(line -> out.println("  " + line));
        waiters.stream().filter(waiter -> waiter.offer == null && !"WAITING".equals(waiter.status)
                && !"CANCELLED".equals(waiter.status)).limit(5)
                .forEach(waiter -> out.println("  waiter " + (waiter.number + 1) + " ended " + waiter.status));
        boolean passed = check.passed() && leftWaiting.size() == expectedLeft;
        out.println(passed ? "passed" : "FAILED");
        return passed;
    }

    private String releasePace() {
        return options.burst() ? "all at once (burst)"
                : "one every " + RunEnvironment.human(options.releaseInterval());
    }

    /** Long-polls the waiter's entry until it no longer waits (or the run is over). */
    private void watch(Waiter waiter) throws InterruptedException {
        String path = "/api/v1/waitlist/" + waiter.entryId + "?waitSeconds=" + options.waitSeconds();
        while (true) {
            boolean duringReleases = releasing;
            Gateway.Response answer = null;
            IOException failure = null;
            inFlight.incrementAndGet();
            try {
                answer = polls.get(path, options.apiKey(), waiter.session);
            }
            catch (IOException ex) {
                failure = ex;
            }
            finally {
                inFlight.decrementAndGet();
            }
            long seen = System.nanoTime();
            (duringReleases ? pollsDuringReleases : pollsWhileJoining).increment();
            waiter.polls++;
            if (failure != null || answer.status() != 200) {
                count(pollOutcomes, failure != null ? failure.getClass().getSimpleName()
                        : answer.problemCode() == null ? String.valueOf(answer.status())
                                : answer.status() + " " + answer.problemCode());
                if (stopping) {
                    return;
                }
                Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
                continue;
            }
            JsonNode entry = answer.json();
            String status = entry.path("status").asString();
            if ("WAITING".equals(status)) {
                int position = entry.path("position").asInt();
                count(pollOutcomes, position != waiter.position ? "WAITING, position changed"
                        : "WAITING, unchanged (" + options.waitSeconds() + " s passed)");
                waiter.position = position;
                if (stopping) {
                    return;
                }
                continue;
            }
            count(pollOutcomes, status);
            if ("OFFERED".equals(status)) {
                JsonNode offer = entry.path("offer");
                List<String> seatIds = new ArrayList<>();
                offer.path("seatIds").forEach(seat -> seatIds.add(seat.asString()));
                waiter.offer = new WaitingLineCheck.Offer(waiter.number, offer.path("holdId").asString(), seatIds,
                        Instant.parse(offer.path("expiresAt").asString()), seen);
                offersSeen.incrementAndGet();
            }
            waiter.status = status;
            stillWaiting.decrementAndGet();
            return;
        }
    }

    /**
     * Until the gateway's circuit breaker of waiting-service lets calls through: an earlier run's long polls that
     * ended in 504 may have left it open, and half-open it lets 3 calls through, which long polls can hold for 30 s.
     * Three quick reads of an entry that does not exist (404) in a row close it.
     */
    private void awaitWaitingRoute(String session) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(90).toNanos();
        int passed = 0;
        int refused = 0;
        while (passed < 3) {
            Gateway.Response probe = gateway.get("/api/v1/waitlist/" + java.util.UUID.randomUUID() + "?waitSeconds=0",
                    options.apiKey(), session);
            if (probe.status() == 503 || probe.status() == 504) {
                passed = 0;
                refused++;
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The gateway still refuses waiting-service calls (" + probe.status()
                            + ") after 90 s: its circuit breaker stays open");
                }
                Thread.sleep(1_000);
            }
            else {
                passed++;
            }
        }
        if (refused > 0) {
            out.printf(Locale.ROOT, "  the gateway refused waiting-service calls (circuit breaker open) %,d times; "
                    + "closed again after %,d ms%n", refused, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** Until every waiter has a long poll open, so that the releases start on a quiet line. */
    private boolean awaitParked(int waiters) throws InterruptedException {
        long deadline = System.nanoTime() + PARKED_WAIT.toNanos();
        int quietChecks = 0;
        while (System.nanoTime() - deadline < 0) {
            quietChecks = inFlight.get() >= waiters ? quietChecks + 1 : 0;
            if (quietChecks >= 10) { // open for 200 ms in a row: the wake-ups of the last joins are over
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void releaseAll(List<Holder> holders, List<WaitingLineCheck.Release> releases, List<Long> deleteNanos,
            ConcurrentMap<String, LongAdder> problems) throws InterruptedException {
        var go = new CountDownLatch(1);
        long interval = options.releaseInterval().toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            if (interval > 0) {
                go.countDown();
            }
            long start = System.nanoTime();
            for (Holder holder : holders) {
                long wait = start + interval * holder.number() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                threads.submit(() -> {
                    go.await();
                    release(holder, releases, deleteNanos, problems);
                    return null;
                });
            }
            go.countDown();
        }
    }

    private void release(Holder holder, List<WaitingLineCheck.Release> releases, List<Long> deleteNanos,
            ConcurrentMap<String, LongAdder> problems) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            Gateway.Response answer = gateway.delete("/api/v1/holds/" + holder.holdId(), options.apiKey(),
                    holder.session());
            long answered = System.nanoTime();
            deleteNanos.add(answered - sent);
            if (answer.ok()) {
                releases.add(new WaitingLineCheck.Release(holder.number(), holder.holdId(), holder.seatIds(), sent,
                        answered));
            }
            else {
                count(problems, answer.problemCode() == null ? String.valueOf(answer.status())
                        : answer.status() + " " + answer.problemCode());
            }
        }
        catch (IOException ex) {
            count(problems, ex.getClass().getSimpleName());
        }
    }

    /** Setup: every holder holds two seats side by side, A1–A2, A3–A4, ... row after row. */
    private List<Holder> holdEverySeat(String showId, List<String> sessions, List<Gateway.Response> lastHold)
            throws InterruptedException {
        Holder[] holders = new Holder[sessions.size()];
        var next = new AtomicInteger();
        int perRow = HotShowSetup.SEATS_PER_ROW / WaitingLineOptions.HOLD_SEATS;
        LoadRunner.together(Math.min(16, sessions.size()), worker -> {
            for (int number = next.getAndIncrement(); number < holders.length; number = next.getAndIncrement()) {
                String row = HotShowSetup.rowLabel(number / perRow);
                int first = number % perRow * WaitingLineOptions.HOLD_SEATS + 1;
                List<String> seats = new ArrayList<>();
                for (int seat = first; seat < first + WaitingLineOptions.HOLD_SEATS; seat++) {
                    seats.add(row + seat);
                }
                long sent = System.nanoTime();
                Gateway.Response hold = gateway.post("/api/v1/shows/" + showId + "/holds", options.apiKey(),
                        sessions.get(number), Map.of("seatIds", seats));
                if (hold.status() != 201) {
                    throw new IllegalStateException("Holding " + seats + " answered " + hold.status() + ": "
                            + hold.text());
                }
                List<String> held = new ArrayList<>();
                hold.json().path("seatIds").forEach(seat -> held.add(seat.asString()));
                holders[number] = new Holder(number, sessions.get(number), hold.json().path("holdId").asString(), held);
                long life = nanos(Instant.parse(hold.json().path("expiresAt").asString())) - sent;
                holdLifeNanos.accumulateAndGet(life, Math::min);
                if (lastHold.isEmpty()) {
                    lastHold.add(hold);
                }
            }
        });
        return List.of(holders);
    }

    /**
     * What the platform has for the waiters that had not seen an offer (read without waiting), and how long a long
     * poll of one that no longer waits takes: it should answer at once.
     */
    private List<String> platformView(List<Waiter> waiters) throws InterruptedException {
        ConcurrentMap<String, LongAdder> statuses = new ConcurrentHashMap<>();
        var next = new AtomicInteger();
        LoadRunner.together(Math.min(16, waiters.size()), worker -> {
            for (int index = next.getAndIncrement(); index < waiters.size(); index = next.getAndIncrement()) {
                Waiter waiter = waiters.get(index);
                try {
                    Gateway.Response entry = gateway.get("/api/v1/waitlist/" + waiter.entryId + "?waitSeconds=0",
                            options.apiKey(), waiter.session);
                    waiter.platformStatus = entry.ok() ? entry.json().path("status").asString() : null;
                    count(statuses, entry.ok() ? waiter.platformStatus : "answer " + entry.status());
                }
                catch (IOException ex) {
                    count(statuses, ex.getClass().getSimpleName());
                }
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add("the platform has them (GET without waiting): " + outcomes(statuses));
        var ended = waiters.stream().filter(waiter -> waiter.platformStatus != null
                && !"WAITING".equals(waiter.platformStatus)).findFirst();
        if (ended.isPresent()) {
            long sent = System.nanoTime();
            try {
                Gateway.Response poll = gateway.get("/api/v1/waitlist/" + ended.get().entryId + "?waitSeconds=3",
                        options.apiKey(), ended.get().session);
                lines.add(String.format(Locale.ROOT, "a long poll (waitSeconds=3) of waiter %d's entry, already %s, "
                        + "answered %d after %,d ms", ended.get().number + 1, ended.get().platformStatus, poll.status(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)));
            }
            catch (IOException ex) {
                lines.add("a long poll of an entry that no longer waits got no answer: " + ex);
            }
        }
        return lines;
    }

    /** Waiters still WAITING leave the line, which also ends their long polls. */
    private void cancel(List<Waiter> waiters) throws InterruptedException {
        if (waiters.isEmpty()) {
            return;
        }
        var next = new AtomicInteger();
        LoadRunner.together(Math.min(16, waiters.size()), worker -> {
            for (int index = next.getAndIncrement(); index < waiters.size(); index = next.getAndIncrement()) {
                Waiter waiter = waiters.get(index);
                try {
                    gateway.delete("/api/v1/waitlist/" + waiter.entryId, options.apiKey(), waiter.session);
                }
                catch (IOException ex) {
                    // its long poll ends by itself within 30 s
                }
            }
        });
    }

    private static long lastOfferSeen(List<Waiter> waiters, long fallback) {
        return waiters.stream().map(waiter -> waiter.offer).filter(java.util.Objects::nonNull)
                .mapToLong(WaitingLineCheck.Offer::seenNanos).max().orElse(fallback);
    }

    private static void count(ConcurrentMap<String, LongAdder> counts, String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    /** {@code 200 × OFFERED, 9,800 × WAITING, position changed}, most frequent first. */
    static String outcomes(Map<String, LongAdder> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .map(entry -> String.format(Locale.ROOT, "%,d × %s", entry.getValue().sum(), entry.getKey()))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** {@code 100 releases served 2 offers}, from the number of offers served to how many releases served that many. */
    static String perRelease(Map<Integer, Integer> releasesByOffers) {
        SortedMap<Integer, Integer> sorted = new TreeMap<>(releasesByOffers);
        List<String> parts = new ArrayList<>();
        sorted.forEach((offers, releases) -> parts.add(String.format(Locale.ROOT, "%,d release%s served %d offer%s",
                releases, releases == 1 ? "" : "s", offers, offers == 1 ? "" : "s")));
        return parts.isEmpty() ? "no releases" : String.join(", ", parts);
    }

    /**
     * CPU ms of each process per join, over the joining (each join serves the line), and per offer, from the first
     * release until the offers were seen (the releases, the serving, the offers, and every long poll answered).
     */
    private void printCpu(CpuUse joining, int joins, CpuUse offering, int offers) {
        out.println();
        out.printf(Locale.ROOT, "CPU ms per process: per join over the joining (%,d joins), per offer from the first "
                + "release until the offers were seen (%,d offers)%n", joins, offers);
        out.println();
        List<List<String>> rows = new ArrayList<>();
        Map<String, Double> perJoin = joining.perOperation(joins);
        Map<String, Double> perOffer = offering.perOperation(offers);
        perOffer.forEach((part, millis) -> rows.add(List.of(part, String.format(Locale.ROOT, "%.3f",
                perJoin.getOrDefault(part, 0.0)), String.format(Locale.ROOT, "%.3f", millis))));
        rows.add(List.of("stack total", String.format(Locale.ROOT, "%.3f", joining.totalPerOperation(joins)),
                String.format(Locale.ROOT, "%.3f", offering.totalPerOperation(offers))));
        out.print(Report.markdown(List.of("process", "per join", "per offer"), rows, Set.of(0)));
        out.printf(Locale.ROOT, "stack %.2f cores busy while joining, %.2f from the first release until the offers were "
                + "seen%n", joining.cores(), offering.cores());
    }

    private static List<String> row(String name, List<Long> nanos) {
        Histogram histogram = histogram(nanos);
        boolean none = histogram.getTotalCount() == 0;
        return List.of(name, Report.count(histogram.getTotalCount()),
                none ? "-" : Report.millis(histogram.getValueAtPercentile(50) / 1000.0),
                none ? "-" : Report.millis(histogram.getValueAtPercentile(90) / 1000.0),
                none ? "-" : Report.millis(histogram.getValueAtPercentile(99) / 1000.0),
                none ? "-" : Report.millis(histogram.getMaxValue() / 1000.0));
    }

    private static double percentileMillis(List<Long> nanos, double percentile) {
        Histogram histogram = histogram(nanos);
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double maxMillis(List<Long> nanos) {
        Histogram histogram = histogram(nanos);
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** Microseconds, as {@link LatencyRecorder} records them. */
    private static Histogram histogram(List<Long> nanos) {
        Histogram histogram = new Histogram(LatencyRecorder.HIGHEST_MICROS, 3);
        synchronized (nanos) {
            for (long value : nanos) {
                histogram.recordValue(Math.min(LatencyRecorder.HIGHEST_MICROS,
                        Math.max(1, TimeUnit.NANOSECONDS.toMicros(value))));
            }
        }
        return histogram;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
