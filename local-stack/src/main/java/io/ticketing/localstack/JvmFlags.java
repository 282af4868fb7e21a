package io.ticketing.localstack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The flags of the JVMs the launcher starts (services, Kafka broker): its own, then those an operator appends with
 * {@code TICKETING_SERVICE_JAVA_OPTS} or {@code TICKETING_KAFKA_JAVA_OPTS}, which come last and so override them
 * ({@code -XX:TieredStopAtLevel=4} for C2 in a benchmark, say).
 */
final class JvmFlags {

    static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

    private JvmFlags() {
    }

    /** The flags of a {@code TICKETING_*_JAVA_OPTS} variable, split at spaces. */
    static List<String> extra(String javaOpts) {
        return javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+"));
    }

    /**
     * {@code defaults} without the serial collector when {@code extra} choose another one: the JVM refuses two
     * collectors, and a later flag overrides every other default.
     */
    static List<String> defaults(List<String> defaults, List<String> extra) {
        boolean ownCollector = extra.stream().anyMatch(flag -> COLLECTOR.matcher(flag).matches());
        return ownCollector ? defaults.stream().filter(flag -> !flag.equals(SERIAL_COLLECTOR)).toList() : defaults;
    }
}
