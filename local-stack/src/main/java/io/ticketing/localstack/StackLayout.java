package io.ticketing.localstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its state: everything lives under {@code <project root>/.local/}
 * (git-ignored), so {@code ticketing reset} is a single directory delete and nothing leaks into $HOME.
 *
 * @param home the project root (the directory with the root pom and the {@code ticketing} script)
 */
public record StackLayout(Path home) {

    public StackLayout {
        home = home.toAbsolutePath().normalize();
    }

    public Path local() {
        return home.resolve(".local");
    }

    /** Persistent data of the infrastructure; deleted by {@code reset}. */
    public Path data() {
        return local().resolve("data");
    }

    public Path data(String component) {
        return data().resolve(component);
    }

    /** The mails the services sent, one {@code .eml} file each (the local SMTP server delivers nothing). */
    public Path mail() {
        return local().resolve("mail");
    }

    /** The spans the services sent, one {@code <trace id>.jsonl} file per trace (see {@code TraceCatcher}). */
    public Path traces() {
        return local().resolve("traces");
    }

    /** One log file per process. */
    public Path logs() {
        return local().resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Pid files of the running stack, read by the next start to clean up after a crash. */
    public Path run() {
        return local().resolve("run");
    }

    /** The Spring Boot fat jar that {@code mvn package} builds for a service module. */
    public Path serviceJar(String service) {
        return home.resolve(service).resolve("target").resolve(service + "-" + LocalStack.VERSION + ".jar");
    }
}
