package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The faults of issue 13, each with the components it can hit and how long it lasts (a range the plan draws from,
 * seeded). A kill lasts no time: what follows is the launcher's restart. A paused service lasts until its consumer
 * groups have given up on it (the session timeout), at most the range's end.
 */
enum FaultKind {

    /** {@code kill -9} of a service: the launcher is to restart it. */
    KILL_SERVICE("kill-service", Component.services(), Duration.ZERO, Duration.ZERO),
    /** The service's database turns read-only, as a PostgreSQL fail-over looks to an application. */
    DATABASE_READ_ONLY("db-read-only", Component.withDatabase(), Duration.ofSeconds(5), Duration.ofSeconds(30)),
    /** The service's database refuses every connection. */
    DATABASE_REFUSING("db-refuse", Component.withDatabase(), Duration.ofSeconds(5), Duration.ofSeconds(30)),
    /** Redis loses everything ({@code FLUSHALL}) and its process is killed: the launcher restarts it, empty. */
    REDIS_RESTART_EMPTY("redis-restart-empty", List.of(Component.REDIS), Duration.ZERO, Duration.ZERO),
    /** Redis stops answering ({@code SIGSTOP}) for a few seconds. */
    REDIS_PAUSE("redis-pause", List.of(Component.REDIS), Duration.ofSeconds(3), Duration.ofSeconds(8)),
    /** The Kafka broker stops answering ({@code SIGSTOP}). */
    KAFKA_PAUSE("kafka-pause", List.of(Component.KAFKA), Duration.ofSeconds(10), Duration.ofSeconds(30)),
    /** {@code kill -9} of the Kafka broker: the launcher is to restart it. */
    KAFKA_KILL("kafka-kill", List.of(Component.KAFKA), Duration.ZERO, Duration.ZERO),
    /** A service stops ({@code SIGSTOP}) until its consumer groups rebalance without it, then goes on. */
    SERVICE_PAUSE("service-pause", Component.withDatabase(), Duration.ofSeconds(90), Duration.ofSeconds(90));

    private final String option;
    private final List<Component> targets;
    private final Duration shortest;
    private final Duration longest;

    FaultKind(String option, List<Component> targets, Duration shortest, Duration longest) {
        this.option = option;
        this.targets = targets;
        this.shortest = shortest;
        this.longest = longest;
    }

    /** The name on the command line and in the printout: {@code db-read-only}. */
    String option() {
        return option;
    }

    List<Component> targets() {
        return targets;
    }

    Duration shortest() {
        return shortest;
    }

    Duration longest() {
        return longest;
    }

    /** How long this fault lasts, drawn from its range. */
    Duration length(RandomGenerator random) {
        long spread = longest.toSeconds() - shortest.toSeconds();
        return spread <= 0 ? shortest : shortest.plusSeconds(random.nextLong(spread + 1));
    }
}
