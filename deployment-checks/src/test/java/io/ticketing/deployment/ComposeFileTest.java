package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compose file passes docker-compose's own validation ({@code config -q}: the Compose schema, interpolation,
 * anchors and merges, references between services), and every file or folder it takes from the repository (bind
 * mounts, build contexts and Dockerfiles, env files, configs and secrets) exists: a missing bind-mount source is
 * silently created as an empty folder.
 */
class ComposeFileTest {

    @Test
    void thereIsAComposeFile() {
        assertThat(composeFiles()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> dockerComposeAcceptsIt() {
        return composeFiles().stream().map(file -> DynamicTest.dynamicTest(Tools.relative(file), () -> {
            List<String> command = new ArrayList<>(Tools.compose());
            String name = file.getFileName().toString();
            String base = name.replaceFirst("\\.override(\\.ya?ml)$", "$1");
            if (!base.equals(name)) {
                command.addAll(List.of("-f", base)); // an override file is read on top of its base
            }
            command.addAll(List.of("-f", name, "config", "-q"));
            Tools.Result result = Tools.run(file.getParent(), Duration.ofMinutes(1), command);
            assertThat(result.exit()).as("%s:%n%s", String.join(" ", command), result.printed()).isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPathItTakesFromTheRepositoryExists() {
        return composeFiles().stream().map(file -> DynamicTest.dynamicTest(Tools.relative(file), () -> {
            List<String> missing = new ArrayList<>();
            Map<String, Object> compose = Documents.map(Documents.yaml(file).getFirst());
            Path base = file.getParent();
            Documents.map(compose.get("services")).forEach((name, definition) -> {
                Map<String, Object> service = Documents.map(definition);
                for (Object volume : Documents.list(service.get("volumes"))) {
                    String source = volume instanceof String text ? text.split(":")[0]
                            : "bind".equals(Documents.map(volume).get("type"))
                                    ? String.valueOf(Documents.map(volume).get("source")) : "";
                    check(base, source, "services." + name + ".volumes", missing);
                }
                Object build = service.get("build");
                if (build != null) {
                    String context = build instanceof String text ? text
                            : String.valueOf(Documents.map(build).getOrDefault("context", "."));
                    check(base, context, "services." + name + ".build.context", missing);
                    if (!(build instanceof String) && Documents.map(build).get("dockerfile") instanceof String dockerfile) {
                        check(base.resolve(context), "./" + dockerfile, "services." + name + ".build.dockerfile", missing);
                    }
                    else {
                        check(base.resolve(context), "./Dockerfile", "services." + name + ".build", missing);
                    }
                }
                Object envFiles = service.get("env_file");
                for (Object envFile : envFiles instanceof List<?> list ? list : envFiles == null ? List.of() : List.of(envFiles)) {
                    String path = envFile instanceof String text ? text : String.valueOf(Documents.map(envFile).get("path"));
                    boolean required = !(envFile instanceof Map<?, ?>) || !Boolean.FALSE.equals(Documents.map(envFile).get("required"));
                    if (required) {
                        check(base, relativeIfPlain(path), "services." + name + ".env_file", missing);
                    }
                }
            });
            for (String section : List.of("configs", "secrets")) {
                Documents.map(compose.get(section)).forEach((name, definition) -> {
                    if (Documents.map(definition).get("file") instanceof String path) {
                        check(base, relativeIfPlain(path), section + "." + name + ".file", missing);
                    }
                });
            }
            assertThat(missing).as("paths %s takes from the repository that do not exist", Tools.relative(file)).isEmpty();
        }));
    }

    /** docker-compose.yml, compose.yaml and their variants at the root of the repository. */
    private static List<Path> composeFiles() {
        try (Stream<Path> files = Files.list(Tools.ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches("(docker-)?compose([.-][\\w.-]+)?\\.ya?ml"))
                    .sorted().toList();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Only sources that are paths of this repository: ./ or ../, not named volumes, nor interpolated ones. */
    private static void check(Path base, String source, String where, List<String> missing) {
        if ((source.startsWith("./") || source.startsWith("../") || source.equals(".")) && !source.contains("$")
                && !Files.exists(base.resolve(source).normalize())) {
            missing.add(where + ": " + source);
        }
    }

    private static String relativeIfPlain(String path) {
        return path.startsWith("/") || path.startsWith(".") ? path : "./" + path;
    }
}
