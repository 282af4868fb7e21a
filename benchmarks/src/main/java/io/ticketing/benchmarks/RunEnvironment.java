package io.ticketing.benchmarks;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where and how the numbers were taken; printed above them, because numbers without it mean little.
 *
 * @param data what the platform held during the run, by name: {@code shows indexed}, {@code show}
 * @param cpus CPUs of the machine running the load generator
 * @param sharedMachine whether the gateway is on this machine (a loopback address), so that load generator
 *        and platform compete for the same CPUs
 * @param load the load, in words: {@code 32 closed-loop clients (virtual threads), ...}
 * @param rateLimitBurst the caller's rate limit as the gateway announces it ({@code RateLimit-Limit})
 */
public record RunEnvironment(ZonedDateTime startedAt, URI gateway, Map<String, String> data, int cpus, String java, String os,
        boolean sharedMachine, String load, OptionalInt rateLimitBurst) {

    /** Below this burst, a benchmark with tens of clients is likely to be throttled by the gateway. */
    static final int LOW_RATE_LIMIT = 10_000;

    public RunEnvironment {
        data = Map.copyOf(data);
    }

    /** The environment of a run starting now on this machine. */
    public static RunEnvironment here(URI gateway, Map<String, String> data, String load, OptionalInt rateLimitBurst) {
        return new RunEnvironment(ZonedDateTime.now(), gateway, data, Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                isLocal(gateway), load, rateLimitBurst);
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(row("date", startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        lines.add(row("gateway", gateway.toString()));
        data.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> lines.add(row(entry.getKey(), entry.getValue())));
        lines.add(row("load generator", cpus + " CPUs, Java " + java + ", " + os));
        lines.add(row("machine", sharedMachine
                ? "the load generator runs on the same " + cpus + "-core machine as the platform (they share its CPUs)"
                : "the platform runs on another machine (" + gateway.getHost() + ")"));
        lines.add(row("load", load));
        lines.add(row("rate limit", rateLimitBurst.isPresent()
                ? "burst " + String.format(Locale.ROOT, "%,d", rateLimitBurst.getAsInt())
                        + " (RateLimit-Limit, the tightest of the caller's limits); 429 answers are counted apart"
                : "none announced by the gateway"));
        return lines;
    }

    /** Whether the gateway's limit is likely to turn part of the load into 429s. */
    /**
     * Prints the environment under its heading, with a warning when the gateway limits the customers so tightly that
     * the benchmark may measure the rate limiter.
     */
    public void printForCustomers(PrintStream out) {
        out.println();
        out.println("Environment");
        describe().forEach(out::println);
        if (rateLimitLow()) {
            out.println();
            out.println("WARNING: the gateway limits these customers to a burst of " + rateLimitBurst.getAsInt()
                    + " requests: the benchmark may measure the rate limiter.");
            out.println("         Start the stack with the per-key and per-customer limits lifted (benchmarks/README.md).");
        }
    }

    boolean rateLimitLow() {
        return rateLimitBurst.isPresent() && rateLimitBurst.getAsInt() < LOW_RATE_LIMIT;
    }

    /** The burst a gateway answer announces in {@code RateLimit-Limit}; empty when it announces none. */
    public static OptionalInt announcedBurst(HttpHeaders headers) {
        return headers.firstValue("RateLimit-Limit")
                .map(value -> {
                    try {
                        return OptionalInt.of(Integer.parseInt(value.strip()));
                    }
                    catch (NumberFormatException ex) {
                        return OptionalInt.empty();
                    }
                })
                .orElse(OptionalInt.empty());
    }

    /** Whether the host is this machine: a loopback name or address. */
    static boolean isLocal(URI gateway) {
        try {
            return InetAddress.getByName(gateway.getHost()).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    public static String human(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "  %-15s %s", name, value);
    }
}
