package io.ticketing.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ticketing generate [--cities N] ...}: loads a synthetic catalog into the running local stack for
 * load tests. Runs catalog-service's own jar once as a generator ({@code ticketing.catalog.generate.*}):
 * the same code, database and Kafka as the running catalog-service, no web server. It loads through the
 * catalog's management services, so every show takes the same path as one an admin schedules — outbox,
 * Kafka, the seat services — and it exits once the outbox is empty. Then this command watches
 * reservation-service and booking-service until they have every show.
 */
final class GenerateCommand {

    /** Command-line option to the generator's property, e.g. --cities to ticketing.catalog.generate.cities. */
    static final List<String> OPTIONS = List.of("cities", "cinemas-per-city", "halls-per-cinema", "seats-per-hall",
            "shows-per-day", "days", "seed");

    private static final String PREFIX = "TICKETING_CATALOG_GENERATE_";
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

    private final StackLayout layout;
    private final PrintStream out;

    GenerateCommand(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /**
     * The generator's settings as environment variables, e.g. {@code --cities 20} (or {@code --cities=20})
     * to {@code TICKETING_CATALOG_GENERATE_CITIES=20}.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or one that is not a number
     */
    static Map<String, String> settings(List<String> arguments) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name;
            String value;
            if (argument.startsWith("--") && argument.contains("=")) {
                name = argument.substring(2, argument.indexOf('='));
                value = argument.substring(argument.indexOf('=') + 1);
            } else if (argument.startsWith("--") && i + 1 < arguments.size()) {
                name = argument.substring(2);
                value = arguments.get(++i);
            } else {
                throw new IllegalArgumentException("Expected --<option> <number>, got: " + argument);
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (options: --"
                        + String.join(", --", OPTIONS) + ")");
            }
            try {
                long number = Long.parseLong(value);
                if (!name.equals("seed") && (number < 1 || number > Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("--" + name + " must be a positive number, not " + value);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + value + "'");
            }
            settings.put(PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT), value);
        }
        return settings;
    }

    /**
     * catalog-service's environment in the running stack, switched to generator mode, with a quiet console:
     * the loader's progress and summary only, warnings and errors of course.
     */
    static Map<String, String> environment(Map<String, String> inherited, Map<String, String> settings) {
        Map<String, String> environment = ServiceEnvironment.forService(ServiceSpec.CATALOG, inherited);
        environment.put("TICKETING_CATALOG_GENERATE_ENABLED", "true");
        environment.putAll(settings);
        environment.put("SPRING_MAIN_BANNER_MODE", "off");
        environment.putIfAbsent("LOGGING_LEVEL_ROOT", "WARN");
        environment.putIfAbsent("LOGGING_LEVEL_IO_TICKETING_CATALOG_DEMO", "INFO");
        environment.putIfAbsent("LOGGING_PATTERN_CONSOLE", "%d{HH:mm:ss} %m%n");
        return environment;
    }

    int run(List<String> arguments, Map<String, String> inherited) {
        Map<String, String> settings = settings(arguments);
        Path jar = layout.serviceJar(ServiceSpec.CATALOG.name());
        if (!Files.isRegularFile(jar)) {
            System.err.println("Missing " + layout.home().relativize(jar) + ": build it with ./ticketing up --rebuild");
            return 1;
        }
        if (!ready(ServiceSpec.CATALOG)) {
            System.err.println("catalog-service is not running on port " + ServiceSpec.CATALOG.port()
                    + ": start the platform with ./ticketing up first");
            return 1;
        }
        long started = System.nanoTime();
        int exitCode = runGenerator(jar, environment(inherited, settings));
        if (exitCode != 0) {
            System.err.println("The generator failed (exit code " + exitCode + ")");
            return exitCode;
        }
        out.printf("Catalog loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        ServiceSpec reservation = backend("reservation");
        ServiceSpec booking = backend("booking");
        if (!ready(reservation) || !ready(booking)) {
            out.println("reservation-service or booking-service is not running: not waiting for them");
            return 0;
        }
        boolean caughtUp = new DownstreamProgress(out, STALL_TIMEOUT).await();
        out.printf("Done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return caughtUp ? 0 : 1;
    }

    private int runGenerator(Path jar, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a few minutes of steady work: full JIT, but a bounded heap next to the running stack
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", jar.toString()));
        // same process group as the launcher: Ctrl-C stops the generator too (running it again resumes)
        ProcessBuilder builder = new ProcessBuilder(command).directory(layout.home().toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the generator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static ServiceSpec backend(String shortName) {
        return ServiceSpec.backends().stream().filter(spec -> spec.shortName().equals(shortName)).findFirst()
                .orElseThrow();
    }

    private static boolean ready(ServiceSpec service) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            return ServiceProcesses.isReady(http, service);
        }
    }
}
