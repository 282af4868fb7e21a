package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;

import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.HotShowBenchmark;
import io.ticketing.benchmarks.HotShowSetup;
import io.ticketing.benchmarks.LocalProcesses;
import io.ticketing.benchmarks.RunEnvironment;
import io.ticketing.benchmarks.chaos.InvariantResult.Violation;

/**
 * The chaos audit of issue 13: an on-sale rush through the gateway (holds, payments that succeed, fail or come late,
 * releases, cancellations, waiting-line joins with long polls and leaves) while faults are injected one at a time and
 * together — services killed and paused, databases read-only or closed, Redis emptied and paused, the Kafka broker
 * paused and killed — each timed until the platform recovered. Then the platform is left to settle and audited by
 * reading its databases, Redis, Kafka and the public API: every guarantee of PRODUCT.md that the data can show, with
 * its violations. Exit status 1 when any invariant is broken. See {@code benchmarks/README.md}.
 */
public final class ChaosBenchmark {

    static final String RECOVERS = "the platform recovers from every fault";
    /** Between the two audit reads: a violation seen in both did not go away while the platform rested. */
    private static final Duration REREAD_AFTER = Duration.ofSeconds(10);
    /** How long stopped customers may take to finish, beyond a hold's life (a late payment waits one out). */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(75);

    private final ChaosOptions options;
    private final PrintStream out;

    public ChaosBenchmark(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** What a run found, for a caller that asserts on it (the system test). */
    public record Result(int faultsInjected, int faultsNotRecovered, int violations, List<String> broken) {

        public boolean passed() {
            return violations == 0;
        }
    }

    public Result run() throws IOException, InterruptedException {
        var processes = new LocalProcesses();
        var databases = new Databases(options.postgres().host(), options.postgres().port(), options.postgresUser(),
                options.postgresPassword());
        var redis = new Redis(options.redis().host(), options.redis().port());
        try (var kafka = new KafkaGroups(options.kafka().toString())) {
            var instances = Instances.found(processes);
            var injector = new FaultInjector(processes, databases, redis, kafka, instances);
            Thread restoreOnExit = new Thread(() -> injector.restoreAll()
                    .forEach(undone -> System.err.println("chaos: undid " + undone + " on exit")));
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
            try {
                return run(processes, databases, redis, kafka, injector, instances);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("PostgreSQL at " + options.postgres() + ": " + ex.getMessage(), ex);
            }
            finally {
                injector.restoreAll().forEach(undone -> out.println("Undid " + undone));
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            }
        }
    }

    private Result run(LocalProcesses processes, Databases databases, Redis redis, KafkaGroups kafka,
            FaultInjector injector, Instances instances) throws IOException, InterruptedException, SQLException {
        out.printf(Locale.ROOT, "Chaos audit: %,d customers rush %d shows of %,d seats while faults are injected (%s plan)%n",
                options.customers(), options.shows(), options.seats(), options.plan().name().toLowerCase(Locale.ROOT));
        out.println();
        out.println("Before the run");
        List<String> repaired = databases.restoreLeftovers(Component.withDatabase().stream()
                .map(service -> service.database().orElseThrow()).toList());
        repaired.addAll(injector.resumeStopped());
        repaired.forEach(what -> out.println("  restored what an earlier run left: " + what));
        for (Component component : Component.values()) {
            for (int instance = 1; instance <= instances.of(component); instance++) {
                OptionalLong pid = processes.listening(component.port(instance));
                out.printf(Locale.ROOT, "  %-23s port %5d  %s%n", component.label(instance), component.port(instance),
                        pid.isPresent() ? "pid " + pid.getAsLong() : "NOT RUNNING");
            }
        }
        if (instances.replicated()) {
            out.println("  several instances (" + instances.describe() + "): a kill or pause hits one of them, drawn "
                    + "at random; customers spread over the gateways, and one a gateway refused goes to the next");
        }
        injector.recordLaunchers();
        out.println("  Kafka broker runs in " + injector.brokerPlacement());

        out.println();
        out.println("Setup");
        var gateway = new Gateway(options.gateway(), RecordingClient.LIMIT.plus(RecordingClient.PATIENCE));
        var setup = new HotShowSetup(gateway, options.apiKey(), options.adminKey(), out);
        var shows = new ShowPool(setup, options.shows(), options.seats(), out);
        shows.fill();
        String purchaseShow = setup.show("Chaos probe", HotShowSetup.SEATS_PER_ROW);
        String lineShow = setup.smallShow("Chaos line probe", 2);
        var sessions = new CustomerSessions(gateway, options.adminKey());
        var probes = new Probes(gateway, options.apiKey(), options.adminKey(), sessions, purchaseShow, lineShow, redis);
        Probes.HoldTimes holdTimes = probes.holdTimes();
        List<String> tokens = openSessions(sessions);
        out.printf(Locale.ROOT, "  %,d customer sessions (%s)%n", tokens.size(), sessions.source());
        out.printf(Locale.ROOT, "  a hold lasts %d s, the server keeps it %d s longer%n", holdTimes.ttl().toSeconds(),
                holdTimes.grace().toSeconds());
        if (holdTimes.ttl().compareTo(Duration.ofMinutes(1)) > 0) {
            out.println("  WARNING: holds last more than a minute: late payments and settling take that long. Start the "
                    + "stack with TICKETING_RESERVATION_HOLD_TTL=PT20S (benchmarks/README.md).");
        }
        Gateway.Response probe = gateway.get("/api/v1/shows/" + purchaseShow + "/seats", options.apiKey(), tokens.getFirst());
        RunEnvironment.here(options.gateway(), Map.of("shows", options.shows() + " of " + options.seats()
                        + " seats at once (replaced when sold out), a probe show of 50 and a line probe show of 2",
                        "load average", HotShowBenchmark.loadAverage()),
                options.customers() + " customers, one session and one virtual thread each, 0.3-1.5 s between "
                        + "actions; seed " + options.seed(), RunEnvironment.announcedBurst(probe.headers()))
                .printForCustomers(out);

        var answers = new Answers();
        var rush = new Rush(new RecordingClient(gateways(instances), options.apiKey(), answers), shows, tokens,
                options.seed(), holdTimes.grace());
        out.println();
        out.printf(Locale.ROOT, "Rush and faults (%s between steps; recovery = every probe of the hit component "
                + "succeeded, timed from the fault's end)%n", RunEnvironment.human(options.gap()));
        rush.start();
        Instant phaseStarted = Instant.now();
        var plan = new FaultPlan(options.faults(), instances, new SplittableRandom(options.seed()));
        List<FaultRecord> faults = new ArrayList<>();
        for (List<Fault> step : plan.steps(options.plan())) {
            faults.addAll(step(step, injector, probes));
        }
        while (Duration.between(phaseStarted, Instant.now()).compareTo(options.duration()) < 0) {
            if (options.plan() == FaultPlan.Shape.FULL) {
                faults.addAll(step(plan.combination(), injector, probes));
            }
            else {
                Thread.sleep(Math.min(1_000, Duration.between(Instant.now(), phaseStarted.plus(options.duration()))
                        .toMillis() + 1));
            }
        }
        Duration phase = Duration.between(phaseStarted, Instant.now());

        out.println();
        out.printf(Locale.ROOT, "%s stopping the customers (after %s of rush and faults)%n", Timestamps.now(),
                RunEnvironment.human(Duration.ofSeconds(phase.toSeconds())));
        boolean stopped = rush.stop(holdTimes.ttl().plus(holdTimes.grace()).plus(STOP_MARGIN));
        if (!stopped) {
            out.println("  some customers did not finish in time and were interrupted");
        }
        List<String> allShows = new ArrayList<>(shows.all());
        allShows.add(purchaseShow);
        allShows.add(lineShow);
        Settling.Outcome settled = new Settling(databases, kafka).await(allShows, holdTimes.grace(),
                options.settleTimeout());
        out.printf(Locale.ROOT, "%s %s after %s%s%n", Timestamps.now(), settled.settled() ? "settled" : "NOT settled",
                RunEnvironment.human(Duration.ofSeconds(settled.took().toSeconds())),
                settled.settled() ? "" : ": " + String.join("; ", settled.open()));

        var reader = new AuditReader(databases, redis, kafka, gateway, options.apiKey());
        PlatformState first = reader.read(allShows, holdTimes.grace());
        Thread.sleep(REREAD_AFTER);
        PlatformState second = reader.read(allShows, holdTimes.grace());
        List<InvariantResult> earlier = Invariants.check(first);
        List<InvariantResult> later = Invariants.check(second);
        List<InvariantResult> results = new ArrayList<>();
        results.add(Answers.check(answers.unanswered(), answers.late(), gatewayDown(faults)));
        results.add(recovered(faults));
        int fleeting = 0;
        for (int index = 0; index < later.size(); index++) {
            InvariantResult confirmed = later.get(index).confirmedBy(earlier.get(index));
            fleeting += earlier.get(index).violations().size() + later.get(index).violations().size()
                    - 2 * confirmed.violations().size();
            results.add(confirmed);
        }
        report(faults, answers, rush.tally(), second, results, fleeting);
        int violations = results.stream().mapToInt(result -> result.violations().size()).sum();
        return new Result((int) faults.stream().filter(record -> !record.skipped()).count(),
                (int) faults.stream().filter(record -> !record.skipped() && !record.recovered()).count(), violations,
                results.stream().filter(result -> !result.holds()).map(InvariantResult::name).toList());
    }

    /** The faults of one step, at once, after the gap; each timed until the platform recovered from it. */
    private List<FaultRecord> step(List<Fault> step, FaultInjector injector, Probes probes) throws InterruptedException {
        Thread.sleep(options.gap());
        out.printf(Locale.ROOT, "%s %s%n", Timestamps.now(), step.stream().map(Fault::describe)
                .reduce((first, second) -> first + "  +  " + second).orElse(""));
        List<FaultRecord> records = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService faults = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FaultRecord>> running = step.stream()
                    .map(fault -> faults.submit(() -> inject(fault, injector, probes))).toList();
            for (Future<FaultRecord> fault : running) {
                try {
                    records.add(fault.get());
                }
                catch (ExecutionException ex) {
                    throw new IllegalStateException("A fault could not be run: " + ex.getCause(), ex.getCause());
                }
            }
        }
        return records;
    }

    private FaultRecord inject(Fault fault, FaultInjector injector, Probes probes) throws InterruptedException {
        FaultInjector.Applied applied = injector.apply(fault);
        if (applied.skipped()) {
            out.printf(Locale.ROOT, "  %s skipped: %s%n", fault.describe(), applied.note());
            return new FaultRecord(fault, applied.started(), applied.ended(), null, applied.note(), true, null);
        }
        Probes.Recovery recovery = probes.await(fault, applied.ended().plus(options.recoveryTimeout()));
        Duration after = Duration.between(applied.ended(), recovery.at());
        if (recovery.recovered()) {
            out.printf(Locale.ROOT, "  %s %s: lasted %s s, recovered %s s after it ended (%s)%n",
                    Timestamps.of(recovery.at()), fault.describe(),
                    ChaosReport.seconds(Duration.between(applied.started(), applied.ended())), ChaosReport.seconds(after),
                    applied.note());
        }
        else {
            out.printf(Locale.ROOT, "  %s %s: NOT recovered %s after it ended; last probe: %s%n",
                    Timestamps.of(recovery.at()), fault.describe(), RunEnvironment.human(options.recoveryTimeout()),
                    recovery.lastFailure());
        }
        return new FaultRecord(fault, applied.started(), applied.ended(), recovery.recovered() ? after : null,
                applied.note(), false, recovery.lastFailure());
    }

    /**
     * The gateway instances customers use: the one given, and each further instance of the stack's gateway at its port
     * step above it.
     */
    private List<URI> gateways(Instances instances) {
        URI first = options.gateway();
        List<URI> gateways = new ArrayList<>();
        for (int instance = 1; instance <= instances.of(Component.GATEWAY); instance++) {
            int port = first.getPort() + Component.GATEWAY.port(instance) - Component.GATEWAY.port();
            gateways.add(URI.create(first.getScheme() + "://" + first.getHost() + ":" + port));
        }
        return gateways;
    }

    /**
     * While a gateway was killed and not yet back, a refused or cut connection is no broken promise: the kill cut the
     * requests in flight on it (where several run, customers' requests that it refused went to another).
     */
    private List<Answers.Window> gatewayDown(List<FaultRecord> faults) {
        return faults.stream()
                .filter(record -> !record.skipped() && record.fault().target() == Component.GATEWAY
                        && record.fault().kind() == FaultKind.KILL_SERVICE)
                .map(record -> new Answers.Window(record.started(), record.ended().plus(
                        record.recovered() ? record.recovery() : options.recoveryTimeout())))
                .toList();
    }

    static InvariantResult recovered(List<FaultRecord> faults) {
        return new InvariantResult(RECOVERS, faults.stream().filter(record -> !record.skipped() && !record.recovered())
                .map(record -> new Violation(record.fault().describe() + " " + record.started(), record.fault().describe()
                        + " at " + Timestamps.of(record.started()) + ": not recovered; last probe: " + record.failure()))
                .toList());
    }

    private void report(List<FaultRecord> faults, Answers answers, RushTally tally, PlatformState state,
            List<InvariantResult> results, int fleeting) {
        out.println();
        out.println("Faults injected");
        out.println();
        out.print(ChaosReport.faults(faults));
        out.println();
        out.println("Recovery by fault kind");
        out.println();
        out.print(ChaosReport.recovery(faults));
        out.println();
        out.println("What customers saw (requests through the gateway, answers by status and problem code)");
        out.println();
        out.print(ChaosReport.answers(answers.table()));
        out.println();
        out.println("What customers did: " + String.join(", ", tally.counts().entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format(Locale.ROOT, "%,d", entry.getValue())).toList()));
        out.println();
        out.println("What the platform holds for the run's shows");
        ChaosReport.holdings(state).forEach(line -> out.println("  " + line));
        out.println();
        out.println("Invariants (a violation counts when two reads " + REREAD_AFTER.toSeconds() + " s apart both show it"
                + (fleeting > 0 ? "; " + fleeting + " seen in one read only are left out" : "") + ")");
        out.println();
        out.print(ChaosReport.invariants(results));
        List<String> examples = ChaosReport.examples(results, new FaultTimeline(faults));
        if (!examples.isEmpty()) {
            out.println();
            examples.forEach(out::println);
        }
        out.println();
        out.println("violations: " + results.stream().mapToInt(result -> result.violations().size()).sum());
    }

    /** One session per customer, 16 opened at a time, each tried three times. */
    private List<String> openSessions(CustomerSessions sessions) throws InterruptedException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        var permits = new Semaphore(16);
        List<Future<String>> opened = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int number = 0; number < options.customers(); number++) {
                String email = "chaos-" + run + "-" + number + "@example.com";
                opened.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        for (int attempt = 1;; attempt++) {
                            try {
                                return sessions.open(email);
                            }
                            catch (IOException ex) {
                                if (attempt == 3) {
                                    throw ex;
                                }
                            }
                        }
                    }
                    finally {
                        permits.release();
                    }
                }));
            }
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> token : opened) {
            try {
                tokens.add(token.get());
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException("Could not open the customers' sessions: " + ex.getCause(), ex.getCause());
            }
        }
        return tokens;
    }
}
