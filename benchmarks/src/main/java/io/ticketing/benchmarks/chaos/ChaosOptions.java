package io.ticketing.benchmarks.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.ticketing.benchmarks.Benchmarks;
import io.ticketing.benchmarks.CommandLine;

/**
 * The command line of {@link ChaosBenchmark}. Defaults fit the local stack ({@code ./ticketing up}) on this machine:
 * the harness signals the stack's processes, so it only drives a platform running here.
 *
 * @param duration the fault phase lasts at least this long (the full plan adds combined faults until it has)
 * @param plan {@code short}: every fault kind once, two at a time; {@code full}: every kind alone, every service
 *        killed in turn, then combinations
 * @param faults the fault kinds to inject
 * @param customers customers of the rush, one session and one virtual thread each
 * @param shows shows on sale at once; a sold-out show is replaced by a new one
 * @param seats seats per show, rows of 50
 * @param gap the rush runs this long without a fault before each step
 * @param recoveryTimeout a fault not recovered from after this long is reported as such, and the run goes on
 * @param settleTimeout after the rush, how long to wait for the platform to settle before the audit reads it
 */
public record ChaosOptions(URI gateway, String apiKey, String adminKey, Duration duration, FaultPlan.Shape plan,
        Set<FaultKind> faults, int customers, int shows, int seats, long seed, Duration gap, Duration recoveryTimeout,
        Duration settleTimeout, String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String redisHost, int redisPort, String kafka, boolean help) implements Benchmarks.Options {

    static final String USAGE = """
            Usage: run-chaos.sh [options]

              --duration TIME          the fault phase lasts at least this long (default 10m; the full plan adds
                                       combined faults until it has)
              --plan short|full        short: every fault kind once, two at a time (a few minutes);
                                       full: every kind alone, each service killed in turn, then combinations
                                       (default full)
              --faults A,B             fault kinds to inject (default all): kill-service, db-read-only, db-refuse,
                                       redis-restart-empty, redis-pause, kafka-pause, kafka-kill, service-pause
              --customers N            customers of the on-sale rush (default 100)
              --shows N                shows on sale at once; a sold-out show is replaced (default 3)
              --seats N                seats per show, a multiple of 50 (default 300)
              --seed N                 seed of the plan and the customers' choices (default 1)
              --gap TIME               rush without a fault before each step (default 15s)
              --recovery-timeout TIME  a fault not recovered from after this long is reported (default 3m)
              --settle-timeout TIME    after the rush, how long the platform may take to settle (default 4m)
              --gateway URL            the platform's gateway (default http://localhost:8080)
              --api-key KEY            client API key (default local-client-key)
              --admin-key KEY          admin key (default local-admin-key)
              --postgres HOST:PORT     the stack's PostgreSQL (default 127.0.0.1:15432)
              --postgres-user NAME     (default postgres)
              --postgres-password PW   (default postgres)
              --redis HOST:PORT        the stack's Redis (default 127.0.0.1:16379)
              --kafka HOST:PORT        the stack's Kafka bootstrap server (default 127.0.0.1:19092)
              --help                   this text
            """;

    public ChaosOptions {
        faults = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration cannot be negative");
        }
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("--faults names no fault");
        }
        if (customers < 1 || customers > 5_000) {
            throw new IllegalArgumentException("--customers is 1 to 5000");
        }
        if (shows < 1 || shows > 50) {
            throw new IllegalArgumentException("--shows is 1 to 50");
        }
        if (seats < 50 || seats > 5_000 || seats % 50 != 0) {
            throw new IllegalArgumentException("--seats is a multiple of 50, 50 to 5000");
        }
        for (Duration positive : new Duration[] { recoveryTimeout, settleTimeout }) {
            if (positive.isZero() || positive.isNegative()) {
                throw new IllegalArgumentException("--recovery-timeout and --settle-timeout must be positive");
            }
        }
        if (gap.isNegative()) {
            throw new IllegalArgumentException("--gap cannot be negative");
        }
    }

    /** Every option from its {@code --name value} or {@code --name=value}; anything else is refused. */
    public static ChaosOptions parse(String... args) {
        CommandLine line = CommandLine.parse(args, Set.of("duration", "plan", "faults", "customers", "shows", "seats",
                "seed", "gap", "recovery-timeout", "settle-timeout", "gateway", "api-key", "admin-key", "postgres",
                "postgres-user", "postgres-password", "redis", "kafka"), Set.of("help"));
        String[] postgres = hostAndPort("postgres", line.get("postgres", "127.0.0.1:15432"));
        String[] redis = hostAndPort("redis", line.get("redis", "127.0.0.1:16379"));
        hostAndPort("kafka", line.get("kafka", "127.0.0.1:19092"));
        return new ChaosOptions(CommandLine.gateway(line.get("gateway", "http://localhost:8080")),
                line.get("api-key", "local-client-key"), line.get("admin-key", "local-admin-key"),
                CommandLine.duration("duration", line.get("duration", "10m")), plan(line.get("plan", "full")),
                faults(line.get("faults")), CommandLine.integer("customers", line.get("customers", "100")),
                CommandLine.integer("shows", line.get("shows", "3")),
                CommandLine.integer("seats", line.get("seats", "300")), CommandLine.seed(line.get("seed", "1")),
                CommandLine.duration("gap", line.get("gap", "15s")),
                CommandLine.duration("recovery-timeout", line.get("recovery-timeout", "3m")),
                CommandLine.duration("settle-timeout", line.get("settle-timeout", "4m")), postgres[0],
                CommandLine.integer("postgres", postgres[1]), line.get("postgres-user", "postgres"),
                line.get("postgres-password", "postgres"), redis[0], CommandLine.integer("redis", redis[1]),
                line.get("kafka", "127.0.0.1:19092"), line.flag("help"));
    }

    private static FaultPlan.Shape plan(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "short" -> FaultPlan.Shape.SHORT;
            case "full" -> FaultPlan.Shape.FULL;
            default -> throw new IllegalArgumentException("--plan is short or full, not '" + value + "'");
        };
    }

    private static Set<FaultKind> faults(String value) {
        if (value == null) {
            return EnumSet.allOf(FaultKind.class);
        }
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        Arrays.stream(value.split(",")).filter(name -> !name.isBlank()).map(FaultKind::fromOption).forEach(kinds::add);
        return kinds;
    }

    private static String[] hostAndPort(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("--" + option + " is HOST:PORT, not '" + value + "'");
        }
        return new String[] { value.substring(0, colon), value.substring(colon + 1) };
    }
}
