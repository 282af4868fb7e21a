package io.ticketing.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types the benchmarks' options share beyond picocli's own: durations with a unit and gateway URLs. A
 * value that is not one gives picocli's {@code Invalid value for option '--timeout': ...} and the usage.
 */
final class OptionValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private OptionValues() {
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT1M}). */
    static Duration duration(String value) {
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
            throw new TypeConversionException("'" + value + "' is not a duration such as 60s, 500ms, 2m or PT1M");
        }
    }

    /** An http or https URL, without its trailing slashes. */
    static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip().replaceFirst("/+$", ""));
        }
        catch (IllegalArgumentException ex) {
            throw notUrl(value);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw notUrl(value);
        }
        return uri;
    }

    private static TypeConversionException notUrl(String value) {
        return new TypeConversionException("'" + value + "' is not a URL such as http://localhost:8080");
    }

    /** A duration where a bare number is milliseconds: {@code 100}, and {@code 1s}, {@code 250ms} or ISO-8601. */
    static final class Milliseconds implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String plain = value.strip();
            return plain.matches("\\d+") ? Duration.ofMillis(Long.parseLong(plain)) : duration(plain);
        }
    }
}
