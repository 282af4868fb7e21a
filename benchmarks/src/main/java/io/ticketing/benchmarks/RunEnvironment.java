package io.ticketing.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where and how the numbers were taken; printed above them, because numbers without it mean little.
 *
 * @param showsIndexed documents in the search index, when the admin key could read it
 * @param showsIndexedNote why the number of shows is unknown, or where it came from
 * @param cpus CPUs of the machine running the load generator
 * @param sharedMachine whether the gateway is on this machine (a loopback address), so that load generator
 *        and platform compete for the same CPUs
 * @param rateLimitBurst the key's rate limit as the gateway announces it ({@code RateLimit-Limit})
 */
record RunEnvironment(ZonedDateTime startedAt, URI gateway, OptionalLong showsIndexed, String showsIndexedNote,
        int cpus, String java, String os, boolean sharedMachine, int concurrency, Duration warmup, Duration duration,
        OptionalInt rateLimitBurst) {

    /** Below this burst, a benchmark with tens of clients is likely to be throttled by the gateway. */
    static final int LOW_RATE_LIMIT = 10_000;

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(row("date", startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        lines.add(row("gateway", gateway.toString()));
        lines.add(row("shows indexed", showsIndexed.isPresent()
                ? String.format(Locale.ROOT, "%,d (%s)", showsIndexed.getAsLong(), showsIndexedNote)
                : "unknown (" + showsIndexedNote + ")"));
        lines.add(row("load generator", cpus + " CPUs, Java " + java + ", " + os));
        lines.add(row("machine", sharedMachine
                ? "the load generator runs on the same " + cpus + "-core machine as the platform (they share its CPUs)"
                : "the platform runs on another machine (" + gateway.getHost() + ")"));
        lines.add(row("load", concurrency + " closed-loop clients (virtual threads), per scenario " + human(warmup)
                + " warm-up, then " + human(duration) + " measured"));
        lines.add(row("rate limit", rateLimitBurst.isPresent()
                ? "burst " + String.format(Locale.ROOT, "%,d", rateLimitBurst.getAsInt())
                        + " per API key (RateLimit-Limit); 429 answers are counted apart"
                : "none announced by the gateway"));
        return lines;
    }

    String showsIndexedSummary() {
        return showsIndexed.isPresent() ? String.format(Locale.ROOT, "%,d shows indexed", showsIndexed.getAsLong())
                : "shows indexed unknown";
    }

    /** Whether the gateway's limit is likely to turn part of the load into 429s. */
    boolean rateLimitLow() {
        return rateLimitBurst.isPresent() && rateLimitBurst.getAsInt() < LOW_RATE_LIMIT;
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

    static String human(Duration duration) {
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
