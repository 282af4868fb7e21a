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
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ticketing generate [--cities N] ...}: loads a synthetic catalog into the running local stack for
 * load tests. Runs catalog-service's own jar once as a generator ({@code ticketing.catalog.generate.*}):
 * the same code, database and Kafka as the running catalog-service, no web server. It loads through the
 * catalog's management services, so every show takes the same path as one an admin schedules — outbox,
 * Kafka, the seat services — and it exits once the outbox is empty. Then this command watches
 * reservation-service and booking-service until they have every show.
 */
@Command(name = "generate", description = { "Load a synthetic catalog into the running stack for load tests, then "
        + "wait until reservation-service and booking-service have every show.",
        "The same options load the same catalog again (nothing is added twice)." },
        footer = { "", "An option not given is left to the shell's TICKETING_CATALOG_GENERATE_<OPTION> variable, "
                + "then to catalog-service's default: 500 cities x 10 cinemas x 1 hall of 50 seats x 2 shows a day x "
                + "1 day = 10,000 shows, seed 42." })
final class GenerateCommand implements Callable<Integer> {

    private static final String PREFIX = "TICKETING_CATALOG_GENERATE_";
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

    @Spec
    private CommandSpec spec;

    // The generator's settings: each option given becomes its variable (settings()); one not given stays null.
    @Option(names = "--cities", paramLabel = "N", converter = PositiveNumber.class, description = "cities")
    private Integer cities;

    @Option(names = "--cinemas-per-city", paramLabel = "N", converter = PositiveNumber.class,
            description = "cinemas in each city")
    private Integer cinemasPerCity;

    @Option(names = "--halls-per-cinema", paramLabel = "N", converter = PositiveNumber.class,
            description = "halls in each cinema")
    private Integer hallsPerCinema;

    @Option(names = "--seats-per-hall", paramLabel = "N", converter = PositiveNumber.class,
            description = "seats of each hall")
    private Integer seatsPerHall;

    @Option(names = "--shows-per-day", paramLabel = "N", converter = PositiveNumber.class,
            description = "shows a day in each hall")
    private Integer showsPerDay;

    @Option(names = "--days", paramLabel = "N", converter = PositiveNumber.class,
            description = "days of shows, from today")
    private Integer days;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the generator's choices")
    private Long seed;

    private final StackLayout layout;
    private final PrintStream out;

    GenerateCommand(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /**
     * The generator's settings as environment variables: each option given, e.g. {@code --cities 20} (or
     * {@code --cities=20}) to {@code TICKETING_CATALOG_GENERATE_CITIES=20}.
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName().substring("--".length());
            Object value = option.getValue();
            settings.put(PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT), value.toString());
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

    @Override
    public Integer call() {
        return LocalStack.refuseUnlessRunning(layout) ? 1 : run(System.getenv());
    }

    private int run(Map<String, String> inherited) {
        Map<String, String> settings = settings();
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
        return ServiceSpec.backends().stream().filter(service -> service.shortName().equals(shortName)).findFirst()
                .orElseThrow();
    }

    private static boolean ready(ServiceSpec service) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            return ServiceProcesses.isReady(http, service);
        }
    }

    /** A whole number from 1: a count of cities, halls, seats, shows or days. */
    static final class PositiveNumber implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            String digits = value.strip();
            long number = digits.matches("\\d{1,10}") ? Long.parseLong(digits) : 0;
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is not a whole number from 1");
            }
            return (int) number;
        }
    }
}
