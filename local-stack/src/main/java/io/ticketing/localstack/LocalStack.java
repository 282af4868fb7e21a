package io.ticketing.localstack;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.ticketing.localstack.infra.BuildVersions;
import io.ticketing.localstack.infra.FileTrees;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the whole platform on one machine without Docker: {@code up} (the default), {@code up --infra-only},
 * {@code reset}, {@code generate} (a large catalog for load tests, into the running stack) and {@code status} (the
 * running stack's live figures), each a picocli subcommand. Started by the {@code ./ticketing} script with
 * {@code -Dticketing.home=<project root>}; {@code up} stays in the foreground until Ctrl-C or SIGTERM, then stops
 * everything it started.
 */
@Command(name = "ticketing", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        versionProvider = LocalStack.Version.class, scope = ScopeType.INHERIT, sortOptions = false,
        sortSynopsis = false, usageHelpWidth = 120, description = { "Runs the ticketing platform on this machine "
                + "without Docker; without a command, up.", "",
                "A fresh stack starts with a demo catalog (12 cities, 40 cinemas, 30 movies, shows for 7 days), loaded "
                        + "by catalog-service on its first start; TICKETING_CATALOG_DEMO_DATA_ENABLED=false "
                        + "./ticketing up skips it.",
                "State lives in .local/ (data, logs, pid files). Services get the launcher's environment plus "
                        + "TICKETING_* defaults; a TICKETING_* variable that is already set wins (SERVER_PORT "
                        + "excepted). Extra JVM flags: TICKETING_SERVICE_JAVA_OPTS (services), "
                        + "TICKETING_KAFKA_JAVA_OPTS (Kafka broker)." })
public final class LocalStack implements Callable<Integer> {

    /** Version of the service jars to run: the one this launcher was built with. */
    static final String VERSION = BuildVersions.platform();

    private static final String NOT_RUNNING =
            "No local stack is running on this project: start it with ./ticketing up first";

    private final StackLayout layout;

    private LocalStack(StackLayout layout) {
        this.layout = layout;
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
        System.exit(commandLine(layout).execute(args));
    }

    /** The launcher's command line: its commands in the order the usage lists them, {@code help} last. */
    static CommandLine commandLine(StackLayout layout) {
        return new CommandLine(new LocalStack(layout))
                .addSubcommand(method("up")).addSubcommand(method("reset"))
                .addSubcommand(new GenerateCommand(layout, System.out)).addSubcommand(method("status"))
                .addSubcommand(method("kafkaBroker")).addSubcommand(new HelpCommand())
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(LocalStack::refuse);
    }

    /**
     * A wrong command line: what is wrong, picocli's guesses at what was meant if it has any, and the command's usage
     * whatever it guessed (a guess at a close option name can be wrong: --rebuilt is not --replicas); exit status 2.
     */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A command of this class's, run on the launcher the line was made with. */
    private static CommandLine method(String name) {
        return new CommandLine(CommandLine.getCommandMethods(LocalStack.class, name).getFirst());
    }

    /** No command: {@code up}. */
    @Override
    public Integer call() {
        return up(false, "1", false);
    }

    @Command(name = "up", description = { "Start infrastructure and all services, stay in the foreground (Ctrl-C "
            + "stops all); a process that dies is restarted (1 s, 2 s, 4 s ... 30 s apart).",
            "./ticketing up --rebuild rebuilds the jars first (they are built when missing)." })
    int up(@Option(names = "--infra-only", description = "start only PostgreSQL, Redis, Kafka, Elasticsearch and the "
            + "mail and trace catchers") boolean infraOnly,
            @Option(names = "--replicas", paramLabel = "<n|service=n,...>", defaultValue = "1", description = {
                "instances of each service: 2 (two of each), reservation=3,gateway=2 (those, one of each other), "
                        + "2,catalog=1 (two of each but catalog). Instance n listens 100·(n-1) ports above the first "
                        + "(gateway 8080, 8180 ...); the gateway and the services spread their calls over them." })
            String replicasSpec,
            @Option(names = "--redis-cluster", description = "a Redis Cluster of three nodes (ports 16379-16381) "
                    + "instead of one Redis") boolean redisCluster) {
        PrintStream out = System.out;
        Replicas replicas;
        try {
            replicas = Replicas.parse(replicasSpec);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        RunRegistry registry = registry(layout);
        if (refuseIfRunning(registry)) {
            return 1;
        }
        Stack stack = new Stack(layout, infraOnly, replicas, redisCluster, registry, System.getenv(), out);
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
        Banner.print(out, layout, infraOnly, replicas, redisCluster, secondsSinceJvmStart());
        awaitShutdown();
        return 0;
    }

    @Command(name = "reset", description = "Delete all local data (.local/data); refuses while a stack is running.")
    int reset() {
        RunRegistry registry = registry(layout);
        if (refuseIfRunning(registry)) {
            return 1;
        }
        killLeftovers(layout, registry, System.out);
        FileTrees.delete(layout.data());
        System.out.println("Deleted " + layout.data());
        return 0;
    }

    @Command(name = "status", description = "The live figures of the running stack, from every service's metrics "
            + "(over 2 s): services up, requests and 5xx per second, outboxes, dead letters, holds taken and refused, "
            + "streams, the hot shows' seats, bookings, payments, mails, Kafka lag.")
    int status() {
        if (refuseUnlessRunning(layout)) {
            return 1;
        }
        try {
            return StatusCommand.local(registry(layout).replicas(), System.out).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Not for people: how the launcher runs the Kafka broker in a JVM of its own ({@link KafkaBrokerProcess}). */
    @Command(name = KafkaBrokerProcess.COMMAND, hidden = true, description = "Run the stack's Kafka broker until "
            + "SIGTERM.")
    int kafkaBroker(@Parameters(paramLabel = "<data directory>") Path dataDirectory,
            @Parameters(paramLabel = "<port>") int port,
            @Parameters(paramLabel = "<controller port>") int controllerPort) {
        return KafkaBrokerProcess.run(dataDirectory, port, controllerPort);
    }

    /** Says so and returns {@code true} when no launcher runs on this project: nothing to load or read. */
    static boolean refuseUnlessRunning(StackLayout layout) {
        if (registry(layout).liveLauncher().isEmpty()) {
            System.err.println(NOT_RUNNING);
            return true;
        }
        return false;
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

    /** {@code --version}: the platform's version this launcher was built with. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] { "ticketing " + VERSION };
        }
    }
}
