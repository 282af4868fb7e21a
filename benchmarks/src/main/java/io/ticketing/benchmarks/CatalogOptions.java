package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link CatalogBenchmark}. Defaults fit the local stack ({@code ./ticketing up}); every
 * option also accepts the {@code --name=value} form.
 *
 * @param scenarios the scenarios to run, in the order given; all of {@link CatalogScenarios#NAMES} by default
 * @param discoverCities how many cities discovery samples; more cities mean more distinct requests and so
 *        fewer hits in the catalog's read cache
 * @param seedSmallCatalog create a small catalog first when the platform has no city at all
 */
record BenchmarkOptions(URI gateway, String apiKey, String adminKey, Duration duration, Duration warmup,
        int concurrency, List<String> scenarios, long seed, Duration timeout, int discoverCities,
        boolean seedSmallCatalog, boolean help) {

    static final String USAGE = """
            Usage: run-catalog-benchmark.sh [options]

              --gateway URL          the platform's gateway (default http://localhost:8080)
              --api-key KEY          client API key for browse and search (default local-client-key)
              --admin-key KEY        admin key, to read the number of indexed shows (default local-admin-key)
              --duration TIME        measurement per scenario: 60s, 2m, 500ms, PT1M (default 60s)
              --warmup TIME          warm-up per scenario, not measured (default 10s)
              --concurrency N        closed-loop clients, one virtual thread each (default 32)
              --scenarios A,B,...    a subset, in this order (default all):
                                     %s
              --seed N               seed of the request choice, for repeatable runs (default 1)
              --timeout TIME         per-request timeout; a timeout counts as an error (default 10s)
              --discover-cities N    cities sampled to find real ids (default 100)
              --seed-small-catalog   on a platform without cities, create a small catalog first (~200 shows)
              --help                 this text
            """.formatted(String.join(", ", CatalogScenarios.NAMES));

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    BenchmarkOptions {
        scenarios = List.copyOf(scenarios);
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("--concurrency is 1 to 10000");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (discoverCities < 1) {
            throw new IllegalArgumentException("--discover-cities must be at least 1");
        }
    }

    static BenchmarkOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean seedSmallCatalog = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            switch (name) {
                case "help" -> help = true;
                case "seed-small-catalog" -> seedSmallCatalog = true;
                case "gateway", "api-key", "admin-key", "duration", "warmup", "concurrency", "scenarios", "seed",
                        "timeout", "discover-cities" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    values.put(name, value);
                }
                default -> throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
        return new BenchmarkOptions(gateway(values.getOrDefault("gateway", "http://localhost:8080")),
                values.getOrDefault("api-key", "local-client-key"), values.getOrDefault("admin-key", "local-admin-key"),
                duration("duration", values.getOrDefault("duration", "60s")),
                duration("warmup", values.getOrDefault("warmup", "10s")),
                integer("concurrency", values.getOrDefault("concurrency", "32")),
                scenarios(values.get("scenarios")), seed(values.getOrDefault("seed", "1")),
                duration("timeout", values.getOrDefault("timeout", "10s")),
                integer("discover-cities", values.getOrDefault("discover-cities", "100")), seedSmallCatalog, help);
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT1M}). */
    static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("--" + option + " is a duration such as 60s, 500ms, 2m or PT1M, not '"
                    + value + "'");
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + option + " is a whole number, not '" + value + "'");
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--seed is a whole number, not '" + value + "'");
        }
    }

    private static URI gateway(String value) {
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--gateway is a URL such as http://localhost:8080, not '" + value + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--gateway is a URL such as http://localhost:8080, not '" + value + "'");
        }
        return uri;
    }

    private static List<String> scenarios(String value) {
        if (value == null || value.isBlank()) {
            return CatalogScenarios.NAMES;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (!CatalogScenarios.NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: "
                        + String.join(", ", CatalogScenarios.NAMES));
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
