package io.ticketing.benchmarks.holdrate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.ticketing.benchmarks.CpuUse;
import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.HotShowBenchmark;
import io.ticketing.benchmarks.HotShowSetup;
import io.ticketing.benchmarks.Report;
import io.ticketing.benchmarks.RunEnvironment;
import io.ticketing.benchmarks.Sessions;
import io.ticketing.benchmarks.StackCpu;
import io.ticketing.identity.CallerSignatures;

/**
 * Issue 14's measuring harness: what a hold costs in CPU, process by process, next to what a request that does
 * nothing costs straight to the service and through the gateway. Five phases against the local stack, each a warm-up
 * and a measured run of {@code wrk} with a generated Lua script ({@link WrkScripts}): a no-op straight to
 * reservation-service, the same through the gateway, holds of two adjacent free seats (every one uncontended), the
 * same holds again, refused, and last, unless left out, anonymous reads of the seat map of another show, a third of
 * whose seats are held ({@link SeatMapShow}), with many more connections. Around every measured run the CPU time of
 * each process of the stack is read from {@code /proc} ({@link StackCpu}), so the printout says CPU ms per successful
 * operation per process, beside throughput and latency; wrk's own CPU is counted apart. See
 * {@code benchmarks/README.md}.
 */
public final class HoldRateBenchmark {

    /**
     * Signs the requests straight to the service as the gateway does, with the stack's internal secret
     * ({@code TICKETING_INTERNAL_SECRET}, the local one by default).
     */
    private static final CallerSignatures SIGNATURES = new CallerSignatures(
            System.getenv().getOrDefault("TICKETING_INTERNAL_SECRET", CallerSignatures.LOCAL_SECRET));

    private final HoldRateOptions options;
    private final Gateway gateway;
    private final PrintStream out;

    HoldRateBenchmark(HoldRateOptions options, PrintStream out) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), Duration.ofSeconds(30));
        this.out = out;
    }

    boolean run() throws IOException, InterruptedException {
        out.println("Hold-rate benchmark: CPU per operation of every process of the stack, for a no-op straight to "
                + "the service and through the gateway, a hold, a refused hold" + (options.seatMap() ? " and a "
                + "seat-map read" : "") + " (issue 14)");
        out.println();
        StackCpu cpu = StackCpu.findLocalStack();
        printProcesses(cpu);
        String wrkVersion = Wrk.version(options.wrk());
        checkDirectNoOp();

        CpuUse idle = null;
        if (!options.idle().isZero()) {
            out.println();
            out.printf(Locale.ROOT, "Idle: the stack's CPU over %s without load%n", RunEnvironment.human(options.idle()));
            StackCpu.Snapshot before = cpu.snapshot();
            Thread.sleep(options.idle().toMillis());
            idle = cpu.between(before, cpu.snapshot());
            out.printf(Locale.ROOT, "  %.1f CPU ms per second (%.2f cores)%n", idle.total() / (idle.wallMillis() / 1000),
                    idle.cores());
        }

        out.println();
        out.println("Setup");
        var setup = new HotShowSetup(gateway, options.apiKey(), options.adminKey(), out);
        String showId = setup.show("Hold rate", options.seats(), HoldRateOptions.SEATS_PER_ROW);
        SeatMapShow seatMap = null;
        if (options.seatMap()) {
            seatMap = new SeatMapShow(gateway, options.apiKey(), options.adminKey(), setup.show("Seat map",
                    options.seatMapSeats(),
                    HoldRateOptions.SEATS_PER_ROW), options.seatMapSeats(), HoldRateOptions.SEATS_PER_ROW);
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Sessions.Session> sessions = Sessions.start(gateway, options.adminKey(), "hold-rate-" + run + "-",
                options.customers(), out);
        out.printf(Locale.ROOT, "  %,d customer sessions: %,d seat pairs, %d holds of 2 seats per customer%n",
                sessions.size(), options.pairs(), WrkScripts.HOLDS_PER_CUSTOMER);
        Gateway.Response probe = checkGatewayNoOp(sessions.getFirst().token());

        Path directory = Files.createTempDirectory("hold-rate-");
        RunEnvironment environment = RunEnvironment.here(options.gateway(), environmentData(showId, seatMap,
                sessions.size(), cpu), load(wrkVersion), RunEnvironment.announcedBurst(probe.headers()));
        environment.printForCustomers(out);
        out.println("  wrk scripts and output in " + directory);

        var scripts = new WrkScripts(directory, options.threads());
        Path sessionsFile = scripts.sessions(sessions);
        var wrk = new Wrk(options.wrk(), options.threads(), options.connections(), options.timeout(), directory, cpu);
        List<PhaseResult> results = new ArrayList<>();

        Path direct = scripts.noOp(Phase.NO_OP_DIRECT, options.service(), sessionsFile, options.apiKey(),
                options.apiClient(), SIGNATURES);
        results.add(phase(Phase.NO_OP_DIRECT, wrk, cpu, direct, options.service()));
        Path proxied = scripts.noOp(Phase.NO_OP_GATEWAY, options.gateway(), sessionsFile, options.apiKey(),
                options.apiClient(), SIGNATURES);
        results.add(phase(Phase.NO_OP_GATEWAY, wrk, cpu, proxied, options.gateway()));

        long[] sliceStarts = sliceStarts();
        long[] sliceEnds = sliceEnds();
        Path holdsWarmup = scripts.holds(Phase.HOLDS, options.gateway(), showId, HoldRateOptions.SEATS_PER_ROW,
                options.rows(), sessionsFile, options.apiKey(), sliceStarts, sliceEnds);
        HoldsRun holds = holds(wrk, cpu, scripts, holdsWarmup, showId, sessionsFile, sliceStarts, sliceEnds);
        results.add(holds.result());

        long[] heldEnds = holds.next();
        if (IntStream.range(0, heldEnds.length).anyMatch(thread -> heldEnds[thread] <= sliceStarts[thread])) {
            out.println();
            out.println("A wrk thread sent no hold: the refused-hold phase, which sends each thread's pairs again, is "
                    + "left out");
        }
        else {
            Path refused = scripts.holds(Phase.REFUSED_HOLDS, options.gateway(), showId, HoldRateOptions.SEATS_PER_ROW,
                    options.rows(), sessionsFile, options.apiKey(), sliceStarts, heldEnds);
            results.add(phase(Phase.REFUSED_HOLDS, wrk, cpu, refused, options.gateway()));
        }

        if (seatMap != null) {
            try {
                results.add(seatMap(wrk, cpu, scripts, seatMap, "hold-rate-" + run + "-seat-map-"));
            }
            catch (IOException | IllegalStateException ex) {
                out.println();
                out.println("WARNING: the seat-map phase failed and is left out: " + ex.getMessage());
            }
        }

        printResults(results, idle);
        return true;
    }

    /** The measured hold run and where each wrk thread stopped among its pairs: the pairs held from then on. */
    private record HoldsRun(PhaseResult result, long[] next) {
    }

    /**
     * The warm-up takes the first pairs of every thread's slice, the measured run goes on from where it stopped; it
     * warns when the pairs left look too few for the measured run at the warm-up's rate.
     */
    private HoldsRun holds(Wrk wrk, StackCpu cpu, WrkScripts scripts, Path warmupScript, String showId,
            Path sessionsFile, long[] sliceStarts, long[] sliceEnds) throws IOException, InterruptedException {
        long[] from = sliceStarts;
        out.println();
        out.println(Phase.HOLDS.label() + ": " + describe(Phase.HOLDS, options.gateway()));
        if (!options.warmup().isZero()) {
            Wrk.Run warmup = wrk.run(warmupScript, options.gateway(), options.warmup());
            printWarmup(warmup);
            from = next(warmup.output(), sliceStarts);
            long left = 0;
            for (int thread = 0; thread < from.length; thread++) {
                left += sliceEnds[thread] - from[thread];
            }
            double needed = warmup.output().perSecond(Phase.HOLDS.expectedStatus()) * options.duration().toSeconds();
            if (left == 0) {
                throw new IllegalStateException("The warm-up took every seat pair: run with more --seats or a shorter "
                        + "--warmup");
            }
            if (left < needed * 1.2) {
                out.printf(Locale.ROOT, "  WARNING: %,d seat pairs left, %,.0f needed at the warm-up's rate: a wrk "
                        + "thread may run out (more --seats, or a shorter --duration)%n", left, needed);
            }
        }
        Path measured = scripts.holds(Phase.HOLDS, options.gateway(), showId, HoldRateOptions.SEATS_PER_ROW,
                options.rows(), sessionsFile, options.apiKey(), from, sliceEnds);
        PhaseResult result = measure(Phase.HOLDS, wrk, cpu, measured, options.gateway());
        return new HoldsRun(result, next(result.wrk(), from));
    }

    /**
     * Before its warm-up, the seat-map show is made busy (a third of its seats held by a few customers) and one
     * answer, gzipped and plain, is fetched to print its size. Its holds last 5 minutes: the phase reads a map that
     * does not change unless it runs longer than that.
     */
    private PhaseResult seatMap(Wrk wrk, StackCpu cpu, WrkScripts scripts, SeatMapShow show, String emailPrefix)
            throws IOException, InterruptedException {
        out.println();
        out.println(Phase.SEAT_MAP.label() + ": " + describe(Phase.SEAT_MAP, options.gateway()));
        SeatMapShow.Holding holding = show.makeBusy(emailPrefix, out);
        out.printf(Locale.ROOT, "  busy: %,d seat pairs (%,d seats) of %,d held through the gateway by %,d customers, "
                + "%d pairs each: %s%n", holding.pairs(), holding.pairs() * WrkScripts.SEATS_PER_HOLD,
                options.seatMapPairs(), holding.customers(), WrkScripts.HOLDS_PER_CUSTOMER, holding.answers());
        if (holding.held() < holding.pairs()) {
            out.printf(Locale.ROOT, "  WARNING: %,d of %,d pairs not held; the map below is what the readers get%n",
                    holding.pairs() - holding.held(), holding.pairs());
        }
        SeatMapShow.Answers answers = show.answers();
        out.printf(Locale.ROOT, "  one answer: %,d bytes gzipped%s, %,d bytes plain (without Accept-Encoding); the "
                + "map: %s%n", answers.gzipped(), answers.gzipEncoded() ? "" : " (NOT gzipped: no Content-Encoding: "
                + "gzip)", answers.plain(), answers.seats());
        return warmUpAndMeasure(Phase.SEAT_MAP, wrk, cpu, scripts.seatMap(options.gateway(), show.showId(),
                options.apiKey()), options.gateway());
    }

    /** A warm-up and a measured run of the same script. */
    private PhaseResult phase(Phase phase, Wrk wrk, StackCpu cpu, Path script, URI target)
            throws IOException, InterruptedException {
        out.println();
        out.println(phase.label() + ": " + describe(phase, target));
        return warmUpAndMeasure(phase, wrk, cpu, script, target);
    }

    private PhaseResult warmUpAndMeasure(Phase phase, Wrk wrk, StackCpu cpu, Path script, URI target)
            throws IOException, InterruptedException {
        if (!options.warmup().isZero()) {
            printWarmup(wrk.run(script, target, options.warmup(), connections(phase)));
        }
        return measure(phase, wrk, cpu, script, target);
    }

    private PhaseResult measure(Phase phase, Wrk wrk, StackCpu cpu, Path script, URI target)
            throws IOException, InterruptedException {
        StackCpu.Snapshot before = cpu.snapshot();
        Wrk.Run run = wrk.run(script, target, options.duration(), connections(phase));
        CpuUse use = cpu.between(before, cpu.snapshot());
        var result = new PhaseResult(phase, run.output(), run.cpuMillis(), use);
        out.printf(Locale.ROOT, "  measured %s: %,d requests, %s/s; %s; stack %,.0f CPU ms (%.2f cores), wrk %,.0f CPU "
                + "ms (%.2f cores)%n", RunEnvironment.human(options.duration()), run.output().requests(),
                Report.rate(run.output().requestsPerSecond()), HoldRateReport.statuses(run.output()), use.total(),
                use.cores(), run.cpuMillis(), result.wrkCores());
        return result;
    }

    /** wrk's connections: {@code --seat-map-connections} for the seat-map phase, {@code --connections} for the rest. */
    int connections(Phase phase) {
        return phase == Phase.SEAT_MAP ? options.seatMapConnections() : options.connections();
    }

    private void printWarmup(Wrk.Run warmup) {
        out.printf(Locale.ROOT, "  warm-up %s: %,d requests, %s/s; %s%n", RunEnvironment.human(options.warmup()),
                warmup.output().requests(), Report.rate(warmup.output().requestsPerSecond()),
                HoldRateReport.statuses(warmup.output()));
    }

    private String describe(Phase phase, URI target) {
        return switch (phase) {
            case NO_OP_DIRECT -> "POST " + WrkScripts.NO_OP_PATH + " to " + target
                    + " with X-Customer-Id, X-Customer-Email and X-Api-Client as the gateway sends them";
            case NO_OP_GATEWAY -> "POST " + WrkScripts.NO_OP_PATH + " to " + target
                    + " with X-API-Key and Authorization: Bearer <session>";
            case HOLDS -> "POST /api/v1/shows/{showId}/holds to " + target + ", two adjacent free seats each, every wrk "
                    + "thread walking its own seat pairs once";
            case REFUSED_HOLDS -> "the same seat pairs again, each held by then, from another customer: 409 SEATS_HELD";
            case SEAT_MAP -> "GET /api/v1/shows/{showId}/seats of the seat-map show to " + target + " with X-API-Key "
                    + "and Accept-Encoding: gzip, no session (anonymous readers: the map everyone sees), "
                    + options.seatMapConnections() + " connections";
        };
    }

    /** Each thread's next pair after a run; where a thread printed none, where it started. */
    private static long[] next(WrkOutput output, long[] started) {
        long[] next = started.clone();
        output.progress().forEach((thread, pair) -> {
            if (thread >= 1 && thread <= next.length) {
                next[thread - 1] = pair;
            }
        });
        return next;
    }

    /** Thread t's pairs start at t × pairs / threads, rounded down to a whole customer's five. */
    long[] sliceStarts() {
        long[] starts = new long[options.threads()];
        for (int thread = 0; thread < starts.length; thread++) {
            long start = (long) options.pairs() * thread / options.threads();
            starts[thread] = start - start % WrkScripts.HOLDS_PER_CUSTOMER;
        }
        return starts;
    }

    long[] sliceEnds() {
        long[] starts = sliceStarts();
        long[] ends = new long[starts.length];
        for (int thread = 0; thread < ends.length; thread++) {
            ends[thread] = thread + 1 < starts.length ? starts[thread + 1] : options.pairs();
        }
        return ends;
    }

    private void printProcesses(StackCpu cpu) {
        out.println("The stack's processes (found by listening port; each counted with its descendants that are not "
                + "listed themselves)");
        List<List<String>> rows = new ArrayList<>();
        cpu.roots().forEach((part, pid) -> rows.add(List.of(part, Long.toString(pid))));
        out.print(Report.markdown(List.of("process", "pid"), rows));
        if (!cpu.missing().isEmpty()) {
            out.println("Not listening, left out: " + String.join(", ", cpu.missing()));
        }
        for (String needed : List.of("gateway-service", "reservation-service")) {
            if (cpu.roots().keySet().stream().noneMatch(part -> part.contains(needed))) {
                throw new IllegalStateException("No " + needed + " listens on this machine: the benchmark reads the "
                        + "processes' CPU from /proc, so it runs where the stack runs (./ticketing up, "
                        + "benchmarks/README.md)");
            }
        }
    }

    /** The no-op straight to reservation-service, as a customer the gateway would have named. */
    private void checkDirectNoOp() throws IOException, InterruptedException {
        URI noOp = options.service().resolve(WrkScripts.NO_OP_PATH);
        String customer = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(noOp)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Customer-Id", customer)
                .header("X-Api-Client", options.apiClient())
                .header(CallerSignatures.CALLER_HEADER, "gateway-service")
                .header(CallerSignatures.SIGNATURE_HEADER, SIGNATURES.sign(new CallerSignatures.Identity(
                        "gateway-service", customer, null, options.apiClient()), Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(WrkScripts.NO_OP_BODY))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (ConnectException ex) {
            throw new IllegalStateException("reservation-service does not answer at " + options.service()
                    + " (--service): start the platform first (benchmarks/README.md)", ex);
        }
        if (response.statusCode() == 404) {
            throw new IllegalStateException("POST " + noOp + " answered 404: start the platform with "
                    + "TICKETING_RESERVATION_NO_OP_ENDPOINT=true (benchmarks/README.md)");
        }
        if (response.statusCode() != 204) {
            throw new IllegalStateException("POST " + noOp + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private Gateway.Response checkGatewayNoOp(String session) throws IOException, InterruptedException {
        Gateway.Response noOp = gateway.post(WrkScripts.NO_OP_PATH, options.apiKey(), session,
                Map.of("seatIds", List.of("A1", "A2")));
        if (noOp.status() == 404) {
            throw new IllegalStateException("POST " + WrkScripts.NO_OP_PATH + " through the gateway answered 404: "
                    + "start the platform with TICKETING_RESERVATION_NO_OP_ENDPOINT=true (benchmarks/README.md)");
        }
        if (noOp.status() != 204) {
            throw new IllegalStateException("POST " + WrkScripts.NO_OP_PATH + " through the gateway answered "
                    + noOp.status() + ": " + noOp.text());
        }
        return noOp;
    }

    private Map<String, String> environmentData(String showId, SeatMapShow seatMap, int customers, StackCpu cpu) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("show", String.format(Locale.ROOT, "%s, %,d seats (%,d rows of %d), on sale", showId, options.seats(),
                options.rows(), HoldRateOptions.SEATS_PER_ROW));
        if (seatMap != null) {
            data.put("seat-map show", String.format(Locale.ROOT, "%s, %,d seats (%,d rows of %d), on sale; one seat "
                    + "pair in %d held before its phase", seatMap.showId(), options.seatMapSeats(),
                    options.seatMapRows(), HoldRateOptions.SEATS_PER_ROW, SeatMapShow.HELD_ONE_IN));
        }
        data.put("customers", String.format(Locale.ROOT, "%,d sessions, each holding at most 10 seats", customers));
        data.put("service", options.service() + " (reservation-service, for the no-op straight to it)");
        data.put("load average", HotShowBenchmark.loadAverage());
        data.put("CPU clock", String.format(Locale.ROOT, "%s ms per tick (/proc/<pid>/stat)", cpu.millis(1)));
        return data;
    }

    private String load(String wrkVersion) {
        return String.format(Locale.ROOT, "%s, %d thread%s, %s, closed loop (a connection sends its next request when "
                + "the answer is read); %s warm-up and %s measured per phase", wrkVersion, options.threads(),
                options.threads() == 1 ? "" : "s", connections(), RunEnvironment.human(options.warmup()),
                RunEnvironment.human(options.duration()));
    }

    /** {@code 64 connections}, then {@code , 500 for the seat-map reads} when that phase runs. */
    private String connections() {
        return options.connections() + " connections" + (options.seatMap() ? ", " + options.seatMapConnections()
                + " for the seat-map reads" : "");
    }

    private void printResults(List<PhaseResult> results, CpuUse idle) {
        out.println();
        out.printf(Locale.ROOT, "Results (%d wrk thread%s, %s; %s measured per phase)%n", options.threads(),
                options.threads() == 1 ? "" : "s", connections(), RunEnvironment.human(options.duration()));
        out.println();
        out.print(HoldRateReport.phases(results));
        out.println();
        out.println("successful: answers 204 (no-op), 201 (hold), 409 (refused hold), 200 (seat-map read); latencies "
                + "are wrk's, of every answer, from sending the request to reading the answer");
        out.println();
        out.println("CPU ms per successful operation, per process" + (idle == null ? "" : " (idle: CPU ms per second "
                + "of the idle stack, before the phases)"));
        out.println();
        out.print(HoldRateReport.cpuPerOperation(results, idle));
        out.println();
        out.println("Cores busy on average (CPU time ÷ wall time of the measured run)");
        HoldRateReport.cores(results).forEach(line -> out.println("  " + line));
        out.println();
        out.println("Ratios, this run");
        HoldRateReport.ratios(results).forEach(line -> out.println("  " + line));
        List<String> warnings = HoldRateReport.warnings(results);
        if (!warnings.isEmpty()) {
            out.println();
            out.println("WARNING");
            warnings.forEach(line -> out.println("  " + line));
        }
        out.println();
        out.println("Load average at the end: " + HotShowBenchmark.loadAverage());
    }
}
