package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import io.ticketing.benchmarks.Benchmarks;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@link ChaosBenchmark}. Defaults fit the local stack ({@code ./ticketing up}) on this machine:
 * the harness signals the stack's processes, so it only drives a platform running here.
 */
@Command(name = "chaos", description = "An on-sale rush while services, databases, Redis and Kafka are killed, "
        + "paused, made read-only or closed; recovery times; then an audit of every guarantee the data can show.")
public final class ChaosOptions extends Benchmarks.Options {

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m",
            description = "the fault phase lasts at least this long (default ${DEFAULT-VALUE}; the full plan adds "
                    + "combined faults until it has)")
    private Duration duration;

    @Option(names = "--plan", paramLabel = "short|full", defaultValue = "full",
            description = "short: every fault kind once, two at a time (a few minutes); full: every kind alone, "
                    + "each service killed in turn, then combinations (default ${DEFAULT-VALUE})")
    private FaultPlan.Shape plan;

    @Option(names = "--faults", paramLabel = "NAME", split = ",", converter = FaultName.class,
            completionCandidates = FaultNames.class,
            description = "fault kinds to inject (default all): ${COMPLETION-CANDIDATES}")
    private Set<FaultKind> faults;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "100",
            description = "customers of the on-sale rush (default ${DEFAULT-VALUE})")
    private int customers;

    @Option(names = "--shows", paramLabel = "N", defaultValue = "3",
            description = "shows on sale at once; a sold-out show is replaced (default ${DEFAULT-VALUE})")
    private int shows;

    @Option(names = "--seats", paramLabel = "N", defaultValue = "300",
            description = "seats per show, a multiple of 50 (default ${DEFAULT-VALUE})")
    private int seats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the plan and the customers' choices (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--gap", paramLabel = "TIME", defaultValue = "15s",
            description = "rush without a fault before each step (default ${DEFAULT-VALUE})")
    private Duration gap;

    @Option(names = "--recovery-timeout", paramLabel = "TIME", defaultValue = "3m",
            description = "a fault not recovered from after this long is reported (default ${DEFAULT-VALUE})")
    private Duration recoveryTimeout;

    @Option(names = "--settle-timeout", paramLabel = "TIME", defaultValue = "4m",
            description = "after the rush, how long the platform may take to settle (default ${DEFAULT-VALUE})")
    private Duration settleTimeout;

    @Option(names = "--postgres", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:15432",
            converter = HostAndPortValue.class, description = "the stack's PostgreSQL (default ${DEFAULT-VALUE})")
    private HostAndPort postgres;

    @Option(names = "--postgres-user", paramLabel = "NAME", defaultValue = "postgres",
            description = "(default ${DEFAULT-VALUE})")
    private String postgresUser;

    @Option(names = "--postgres-password", paramLabel = "PW", defaultValue = "postgres",
            description = "(default ${DEFAULT-VALUE})")
    private String postgresPassword;

    @Option(names = "--redis", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:16379",
            converter = HostAndPortValue.class, description = "the stack's Redis (default ${DEFAULT-VALUE})")
    private HostAndPort redis;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:19092",
            converter = HostAndPortValue.class,
            description = "the stack's Kafka bootstrap server (default ${DEFAULT-VALUE})")
    private HostAndPort kafka;

    /** Every option from its {@code --name value} or {@code --name=value}, checked as a run checks them. */
    public static ChaosOptions parse(String... args) {
        return Benchmarks.parse(new ChaosOptions(), args);
    }

    @Override
    protected void check() {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration cannot be negative");
        }
        if (faults().isEmpty()) {
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

    @Override
    protected boolean run() throws IOException, InterruptedException {
        return new ChaosBenchmark(this, System.out).run().passed();
    }

    /** The fault phase lasts at least this long (the full plan adds combined faults until it has). */
    Duration duration() {
        return duration;
    }

    /**
     * {@code short}: every fault kind once, two at a time; {@code full}: every kind alone, every service killed in
     * turn, then combinations.
     */
    FaultPlan.Shape plan() {
        return plan;
    }

    /** The fault kinds to inject: all when {@code --faults} is not given. */
    Set<FaultKind> faults() {
        if (faults == null) {
            return EnumSet.allOf(FaultKind.class);
        }
        return faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
    }

    /** Customers of the rush, one session and one virtual thread each. */
    int customers() {
        return customers;
    }

    /** Shows on sale at once; a sold-out show is replaced by a new one. */
    int shows() {
        return shows;
    }

    /** Seats per show, rows of 50. */
    int seats() {
        return seats;
    }

    long seed() {
        return seed;
    }

    /** The rush runs this long without a fault before each step. */
    Duration gap() {
        return gap;
    }

    /** A fault not recovered from after this long is reported as such, and the run goes on. */
    Duration recoveryTimeout() {
        return recoveryTimeout;
    }

    /** After the rush, how long to wait for the platform to settle before the audit reads it. */
    Duration settleTimeout() {
        return settleTimeout;
    }

    HostAndPort postgres() {
        return postgres;
    }

    String postgresUser() {
        return postgresUser;
    }

    String postgresPassword() {
        return postgresPassword;
    }

    HostAndPort redis() {
        return redis;
    }

    HostAndPort kafka() {
        return kafka;
    }

    /** Where one of the stack's servers listens, {@code HOST:PORT} on the command line. */
    record HostAndPort(String host, int port) {

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** {@code HOST:PORT}: the host before the last colon, the port after it. */
    static final class HostAndPortValue implements ITypeConverter<HostAndPort> {

        @Override
        public HostAndPort convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon > 0 && value.substring(colon + 1).matches("\\d{1,5}")) {
                return new HostAndPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            }
            throw new TypeConversionException("'" + value + "' is not HOST:PORT");
        }
    }

    /** A fault kind by its name on the command line: {@code db-read-only}. */
    static final class FaultName implements ITypeConverter<FaultKind> {

        @Override
        public FaultKind convert(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(FaultKind.values()).filter(kind -> kind.option().equals(wanted)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("Unknown fault '" + value + "'; the faults are "
                            + String.join(", ", new FaultNames())));
        }
    }

    /** The fault kinds' names the usage lists. */
    static final class FaultNames implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(FaultKind.values()).map(FaultKind::option).iterator();
        }
    }
}
