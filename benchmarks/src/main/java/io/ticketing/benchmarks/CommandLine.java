package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a benchmark's command line, {@code --name value} or {@code --name=value}, and the readers of
 * the value types the benchmarks share (durations, whole numbers, a gateway URL). Every benchmark declares which
 * options take a value and which are flags; anything else is refused.
 */
public final class CommandLine {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    public static CommandLine parse(String[] args, Set<String> valued, Set<String> knownFlags) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
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
            if (knownFlags.contains(name)) {
                flags.add(name);
            }
            else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            }
            else {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
        return new CommandLine(values, flags);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** @return null when the option was not given */
    public String get(String name) {
        return values.get(name);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT1M}). */
    public static Duration duration(String option, String value) {
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

    public static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + option + " is a whole number, not '" + value + "'");
        }
    }

    public static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--seed is a whole number, not '" + value + "'");
        }
    }

    public static URI gateway(String value) {
        return url("gateway", value);
    }

    /** An http or https URL without a trailing slash. */
    public static URI url(String option, String value) {
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--" + option + " is a URL such as http://localhost:8080, not '" + value + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--" + option + " is a URL such as http://localhost:8080, not '" + value + "'");
        }
        return uri;
    }
}
