package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Browse and search latency (p50, p90, p99, max) and throughput through the gateway of a running platform —
 * the local stack or a deployment. A harness that prints numbers, not a test: it passes or fails nothing.
 *
 * <p>It discovers real ids through the public API first, then runs each scenario on its own, warm-up then
 * measurement, with closed-loop virtual-thread clients; see {@code benchmarks/README.md}.
 */
public final class CatalogBenchmark {

    private final CatalogOptions options;
    private final Gateway gateway;
    private final PrintStream out;

    CatalogBenchmark(CatalogOptions options, PrintStream out) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), options.timeout());
        this.out = out;
    }

    void run() throws IOException, InterruptedException {
        out.println("Catalog benchmark: browse and search through the gateway");
        Gateway.Response cities = gateway.get(CatalogScenarios.citiesPath(), options.apiKey());
        if (cities.status() == 401 || cities.status() == 403) {
            throw new IllegalStateException("The gateway refused the API key (" + cities.status() + "): pass --api-key");
        }
        if (options.seedSmallCatalog()) {
            new SmallCatalog(gateway, options.adminKey(), out).seedIfEmpty();
        }
        IndexState indexBefore = showsIndexed();
        RunEnvironment environment = environment(cities, indexBefore);
        out.println();
        out.println("Environment");
        environment.describe().forEach(out::println);
        if (environment.rateLimitLow()) {
            out.println();
            out.println("WARNING: the gateway limits this API key to a burst of " + environment.rateLimitBurst().getAsInt()
                    + " requests: a benchmark may measure the rate limiter rather than the catalog. Start the");
            out.println("         stack with the limit lifted (benchmarks/README.md); 429 answers are counted apart.");
        }

        out.println();
        out.println("Discovery");
        CatalogSample sample = new CatalogDiscovery(gateway, options.apiKey(), out, options.discoverCities(),
                options.seed()).discover();
        Map<String, Scenario> scenarios = CatalogScenarios.of(sample);

        out.println();
        out.println("Scenarios");
        var runner = new LoadRunner(this::send, options.concurrency(), options.warmup(), options.duration(),
                options.seed());
        List<ScenarioResult> results = new ArrayList<>();
        List<String> selected = options.scenarios();
        for (int i = 0; i < selected.size(); i++) {
            Scenario scenario = scenarios.get(selected.get(i));
            String step = String.format(Locale.ROOT, "  [%d/%d] %-15s", i + 1, selected.size(), selected.get(i));
            if (scenario == null) {
                out.println(step + " skipped: discovery found no data for it");
                continue;
            }
            out.println(step + " " + scenario.description());
            ScenarioResult result = runner.run(scenario);
            results.add(result);
            out.printf(Locale.ROOT, "        %,d ok, %,.1f req/s, p99 %s ms, %,d rate-limited, %,d errors%n",
                    result.successes(), result.throughput(), Report.millis(result.percentileMillis(99)),
                    result.rateLimited(), result.errors());
        }

        out.println();
        out.println("Results (" + indexBefore.summary() + ", " + options.concurrency() + " clients, "
                + RunEnvironment.human(options.duration()) + " per scenario)");
        out.println();
        out.print(Report.table(results));
        out.println();
        out.println(Report.LEGEND);
        List<String> problems = Report.problems(results);
        if (!problems.isEmpty()) {
            out.println();
            out.println("Answers other than 2xx:");
            problems.forEach(line -> out.println("  " + line));
        }
        List<String> limited = Report.rateLimited(results);
        if (!limited.isEmpty()) {
            out.println();
            out.println("WARNING: the gateway rate-limited " + String.join(", ", limited) + ": those rows measure the "
                    + "limiter, not the catalog.");
            out.println("         Restart the stack with the per-key limit lifted (benchmarks/README.md) and run again.");
        }
        OptionalLong after = showsIndexed().documents();
        if (after.isPresent() && indexBefore.documents().isPresent()
                && after.getAsLong() != indexBefore.documents().getAsLong()) {
            out.printf(Locale.ROOT, "%nNote: the index changed during the run, from %,d to %,d shows.%n",
                    indexBefore.documents().getAsLong(), after.getAsLong());
        }
    }

    private LoadRunner.Answer send(String path) throws IOException, InterruptedException {
        Gateway.Response response = gateway.get(path, options.apiKey());
        return new LoadRunner.Answer(response.status(), response.ok() ? null : response.problemCode());
    }

    private RunEnvironment environment(Gateway.Response cities, IndexState index) {
        String shows = index.documents().isPresent()
                ? String.format(Locale.ROOT, "%,d (%s)", index.documents().getAsLong(), index.note())
                : "unknown (" + index.note() + ")";
        String load = options.concurrency() + " closed-loop clients (virtual threads), per scenario "
                + RunEnvironment.human(options.warmup()) + " warm-up, then " + RunEnvironment.human(options.duration())
                + " measured";
        return RunEnvironment.here(options.gateway(), Map.of("shows indexed", shows), load,
                RunEnvironment.announcedBurst(cities.headers()));
    }

    private record IndexState(OptionalLong documents, String note) {

        String summary() {
            return documents.isPresent() ? String.format(Locale.ROOT, "%,d shows indexed", documents.getAsLong())
                    : "shows indexed unknown";
        }
    }

    private IndexState showsIndexed() throws IOException, InterruptedException {
        Gateway.Response state = gateway.get("/api/v1/admin/search-index", options.adminKey());
        if (!state.ok()) {
            return new IndexState(OptionalLong.empty(), "GET /api/v1/admin/search-index answered " + state.status()
                    + (state.status() == 401 || state.status() == 403 ? "; pass --admin-key" : ""));
        }
        return new IndexState(OptionalLong.of(state.json().path("documents").asLong(0)),
                "search index documents, GET /api/v1/admin/search-index");
    }
}
