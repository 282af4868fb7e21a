package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ticketing.guard.DevelopmentDefaults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's training run, done the Dockerfile's way on every service's jar, with no database, Redis, Kafka or
 * Elasticsearch to reach: the jar unpacked into Spring Boot's layers, the context refreshed with
 * {@code image/training.env} while the JVM records an AOT cache; then the image's start command with
 * {@code -XX:AOTMode=on}, which fails unless the JVM can use that very cache. A bean that connects somewhere while
 * the context is created breaks the image build, and fails here first.
 */
class ImageTrainingRunTest {

    static final List<String> SERVICES = List.of("gateway-service", "catalog-service", "reservation-service",
            "booking-service", "waiting-service", "payment-service", "notification-service");
    private static final Path TRAINING_ENV = Tools.ROOT.resolve("image/training.env");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    @Test
    void theDockerfileTrainsAndStartsAsThisTestDoes() throws IOException {
        String dockerfile = Files.readString(Tools.ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("extract --layers --application-filename app.jar")
                .contains("COPY image/training.env")
                .contains("java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar")
                .contains("exec java -XX:AOTCache=/app/app.aot ")
                .contains("USER 10001:10001");
    }

    @Test
    void theTrainingRunsSecretsAreRefusedAtRunTime() {
        trainingEnvironment().forEach((name, value) -> {
            if (!name.startsWith("SPRING_")) {
                assertThat(DevelopmentDefaults.TRAINING_RUN_SECRETS).as(name).contains(value);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyServiceTrainsWithNothingToConnectTo(@TempDir Path work) {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25,
                "the AOT cache (JEP 483 and 514) needs Java 25, the image's: run the tests with Java 25");
        return SERVICES.stream().map(service -> DynamicTest.dynamicTest(service, () -> {
            Path app = unpacked(service, work.resolve(service));
            Tools.Result training = java(app, "-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh");
            assertThat(training.exit()).as("training run of %s:%n%s", service, training.printed()).isZero();
            assertThat(app.resolve("app.aot")).isNotEmptyFile();

            Tools.Result start = java(app, "-XX:AOTCache=app.aot", "-XX:AOTMode=on", "-Dspring.context.exit=onRefresh");
            assertThat(start.exit()).as("start of %s with its AOT cache:%n%s", service, start.printed()).isZero();
        }));
    }

    /** The Dockerfile's first stage and its {@code COPY}s: every layer into one folder. */
    private static Path unpacked(String service, Path work) throws IOException {
        Path jar = serviceJar(service);
        Path layers = work.resolve("layers");
        Tools.Result extract = Tools.run(work.getParent(), RUN_LIMIT, List.of(java(), "-Djarmode=tools", "-jar",
                jar.toString(), "extract", "--layers", "--application-filename", "app.jar", "--destination",
                layers.toString()));
        assertThat(extract.exit()).as("extract %s:%n%s", jar, extract.printed()).isZero();
        Path app = Files.createDirectories(work.resolve("app"));
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            copyTree(layers.resolve(layer), app);
        }
        return app;
    }

    private static Tools.Result java(Path app, String... flags) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(flags));
        command.addAll(List.of("-jar", "app.jar"));
        return Tools.run(app, RUN_LIMIT, trainingEnvironment(), command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar Maven built in this reactor (this module depends on every service, so it comes after them). */
    private static Path serviceJar(String service) throws IOException {
        try (Stream<Path> jars = Files.list(Tools.ROOT.resolve(service).resolve("target"))) {
            List<Path> found = jars.filter(jar -> jar.getFileName().toString().matches(service + "-[0-9].*\\.jar"))
                    .toList();
            assertThat(found).as("the jar of %s (./mvnw package builds it)", service).hasSize(1);
            return found.getFirst();
        }
    }

    static Map<String, String> trainingEnvironment() {
        try {
            Map<String, String> environment = new LinkedHashMap<>();
            for (String line : Files.readAllLines(TRAINING_ENV)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    environment.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return environment;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return; // an empty layer (no snapshot dependencies in a release) is not extracted
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
