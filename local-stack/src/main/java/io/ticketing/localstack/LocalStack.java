package io.ticketing.localstack;

import io.ticketing.localstack.infra.BuildVersions;
import io.ticketing.localstack.infra.FileTrees;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole platform on one machine without Docker: {@code up} (default), {@code up --infra-only},
 * {@code reset}, {@code generate} (a large catalog for load tests, into the running stack) and {@code status} (the
 * running stack's live figures). Started by
 * the {@code ./ticketing} script with {@code -Dticketing.home=<project root>}; {@code up} stays in the
 * foreground until Ctrl-C or SIGTERM, then stops everything it started.
 */
public final class LocalStack {

    /** Version of the service jars to run: the one this launcher was built with. */
    static final String VERSION = BuildVersions.platform();

    private static final String USAGE = """
            Usage: ticketing <command>

              up               start infrastructure and all services, stay in the foreground (Ctrl-C stops all);
                               a process that dies is restarted (1 s, 2 s, 4 s ... 30 s apart)
              up --infra-only  start only PostgreSQL, Redis, Kafka, Elasticsearch and the mail and trace catchers
              up --rebuild     (script) rebuild the jars first
              reset            delete all local data (.local/data); refuses while a stack is running
              generate [--cities N] [--cinemas-per-city N] [--halls-per-cinema N] [--seats-per-hall N]
                       [--shows-per-day N] [--days N] [--seed N]
                               load a synthetic catalog into the running stack for load tests (defaults:
                               500 cities x 10 cinemas x 1 hall of 50 seats x 2 shows a day x 1 day =
                               10,000 shows, seed 42), then wait until the seat services have every show
              status           the live figures of the running stack, from every service's metrics (over 2 s):
                               services up, requests and 5xx per second, outboxes, dead letters, holds taken and
                               refused, streams, the hot shows' seats, bookings, payments, mails, Kafka lag
              help             show this text

            Services get the launcher's environment plus TICKETING_* defaults; a TICKETING_* variable that is
            already set wins (SERVER_PORT excepted). Extra service JVM flags: TICKETING_SERVICE_JAVA_OPTS.
            """;

    private LocalStack() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("ticketing.home", ".")).toAbsolutePath().normalize();
        StackLayout layout = new StackLayout(home);
        // must happen before the first logger is created; the config is not called logback.xml on purpose,
        // so test-support consumers of this jar keep their own logging
        System.setProperty("ticketing.logs", layout.logs().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        }
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "up" : arguments.getFirst();
        int exitCode = switch (command) {
            case "up" -> up(layout, arguments.subList(Math.min(1, arguments.size()), arguments.size()));
            case "reset" -> reset(layout);
            case "generate" -> generate(layout, arguments.subList(1, arguments.size()));
            case "status" -> status(layout);
            // not for people: how the launcher runs the Kafka broker in a JVM of its own
            case KafkaBrokerProcess.COMMAND -> KafkaBrokerProcess.run(arguments.subList(1, arguments.size()));
            case "help", "--help", "-h" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("Unknown command: " + command);
                System.err.print(USAGE);
                yield 2;
            }
        };
        System.exit(exitCode);
    }

    private static int up(StackLayout layout, List<String> options) {
        PrintStream out = System.out;
        for (String option : options) {
            if (!option.equals("--infra-only")) {
                System.err.println("Unknown option for up: " + option);
                System.err.print(USAGE);
                return 2;
            }
        }
        boolean infraOnly = options.contains("--infra-only");
        RunRegistry registry = registry(layout);
        if (refuseIfRunning(registry)) {
            return 1;
        }
        Stack stack = new Stack(layout, infraOnly, registry, System.getenv(), out);
        List<Path> missing = stack.missingJars();
        if (!missing.isEmpty()) {
            System.err.println("Service jars are missing (build them with ./ticketing up --rebuild):");
            missing.forEach(jar -> System.err.println("  " + layout.home().relativize(jar)));
            return 1;
        }
        killLeftovers(layout, registry, out);
        registry.claim();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return 130;
            }
            System.err.println();
            System.err.println("Start-up failed: " + e.getMessage());
            stack.stop();
            return 1;
        }
        if (stack.isStopping()) {
            return 130;
        }
        Banner.print(out, layout, infraOnly, secondsSinceJvmStart());
        awaitShutdown();
        return 0;
    }

    private static int reset(StackLayout layout) {
        RunRegistry registry = registry(layout);
        if (refuseIfRunning(registry)) {
            return 1;
        }
        killLeftovers(layout, registry, System.out);
        FileTrees.delete(layout.data());
        System.out.println("Deleted " + layout.data());
        return 0;
    }

    private static int generate(StackLayout layout, List<String> options) {
        try {
            GenerateCommand.settings(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        if (registry(layout).liveLauncher().isEmpty()) {
            System.err.println("No local stack is running on this project: start it with ./ticketing up first");
            return 1;
        }
        return new GenerateCommand(layout, System.out).run(options, System.getenv());
    }

    private static int status(StackLayout layout) {
        if (registry(layout).liveLauncher().isEmpty()) {
            System.err.println("No local stack is running on this project: start it with ./ticketing up first");
            return 1;
        }
        try {
            return StatusCommand.local(System.out).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static RunRegistry registry(StackLayout layout) {
        // the script runs the launcher as: java ... -Dticketing.home=<root> -jar <root>/local-stack/target/...-exec.jar
        return new RunRegistry(layout.run(), "-Dticketing.home=" + layout.home(), "local-stack");
    }

    private static boolean refuseIfRunning(RunRegistry registry) {
        OptionalLong running = registry.liveLauncher();
        if (running.isPresent()) {
            System.err.println("A local stack is already running on this project (pid " + running.getAsLong()
                    + "). Stop it with Ctrl-C in its terminal or: kill " + running.getAsLong());
            return true;
        }
        return false;
    }

    private static void killLeftovers(StackLayout layout, RunRegistry registry, PrintStream out) {
        List<String> killed = registry.killLeftovers();
        if (!killed.isEmpty()) {
            out.println("Stopped " + killed.size() + " process(es) left over by a previous run:");
            killed.forEach(process -> out.println("  " + process));
        }
        int unrecorded = Infrastructure.killUnrecordedLeftovers(layout);
        if (unrecorded > 0) {
            out.println("Stopped " + unrecorded + " unrecorded infrastructure process(es) of a previous run");
        }
    }

    private static double secondsSinceJvmStart() {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(jvmStart, Instant.now()).toMillis() / 1000.0;
    }

    /** The shutdown hook does the work; the main thread just must not return (that would exit the JVM). */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
