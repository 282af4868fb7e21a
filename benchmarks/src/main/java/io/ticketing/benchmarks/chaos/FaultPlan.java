package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which faults a run injects, in which steps; the faults of one step start together. Drawn from a seeded random
 * source, so that a seed repeats a run's plan.
 *
 * <ul>
 * <li>{@link Shape#SHORT}: every fault kind once, two at a time where they can be combined (a kill or the Kafka
 *     broker's kill and Redis's restart alone), lengths near the short end of each range: a few minutes in all,
 *     for the system test.</li>
 * <li>{@link Shape#FULL}: every kind on its own first, each service killed in turn (between the other kinds, the
 *     destructive Kafka and Redis faults last); then {@link #combination} pairs of different faults for as long
 *     as the run's duration lasts.</li>
 * </ul>
 */
final class FaultPlan {

    enum Shape {
        SHORT, FULL
    }

    /** The order kinds come in: the gentle ones first, the ones that lose state last. */
    private static final List<FaultKind> ORDER = List.of(FaultKind.DATABASE_READ_ONLY, FaultKind.REDIS_PAUSE,
            FaultKind.KILL_SERVICE, FaultKind.KAFKA_PAUSE, FaultKind.DATABASE_REFUSING, FaultKind.SERVICE_PAUSE,
            FaultKind.KAFKA_KILL, FaultKind.REDIS_RESTART_EMPTY);

    /** Faults that run alone in the short plan: each takes a whole infrastructure server down. */
    private static final Set<FaultKind> ALONE = Set.of(FaultKind.KAFKA_KILL, FaultKind.REDIS_RESTART_EMPTY);

    /** A service killed in turn: the gateway last, as every customer loses it. */
    private static final List<Component> KILL_ORDER = List.of(Component.CATALOG, Component.RESERVATION,
            Component.BOOKING, Component.WAITING, Component.PAYMENT, Component.NOTIFICATION, Component.GATEWAY);

    private final Set<FaultKind> kinds;
    private final Instances instances;
    private final RandomGenerator random;

    FaultPlan(Set<FaultKind> kinds, RandomGenerator random) {
        this(kinds, Instances.single(), random);
    }

    /**
     * A plan for a stack that runs {@code instances}: a service with several has one of them, drawn at random, killed
     * or paused, while the others go on serving.
     */
    FaultPlan(Set<FaultKind> kinds, Instances instances, RandomGenerator random) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("No fault to inject");
        }
        this.kinds = Set.copyOf(kinds);
        this.instances = instances;
        this.random = random;
    }

    /** The steps every run of this shape goes through, whatever its duration. */
    List<List<Fault>> steps(Shape shape) {
        List<FaultKind> ordered = ORDER.stream().filter(kinds::contains).toList();
        return shape == Shape.SHORT ? shortSteps(ordered) : fullSteps(ordered);
    }

    /** Each fault on a component no earlier fault of the plan hit, where there is one: the short plan spreads out. */
    private List<List<Fault>> shortSteps(List<FaultKind> ordered) {
        List<List<Fault>> steps = new ArrayList<>();
        List<Fault> planned = new ArrayList<>();
        List<FaultKind> paired = new ArrayList<>(ordered.stream().filter(kind -> !ALONE.contains(kind)).toList());
        while (!paired.isEmpty()) {
            Fault first = shortFault(paired.removeFirst(), List.of(), planned);
            if (paired.isEmpty()) {
                steps.add(List.of(first));
                break;
            }
            steps.add(List.of(first, shortFault(paired.removeFirst(), List.of(first), planned)));
        }
        ordered.stream().filter(ALONE::contains)
                .forEach(kind -> steps.add(List.of(shortFault(kind, List.of(), planned))));
        return steps;
    }

    /** Near the short end of the kind's range: a quarter of the way. */
    private Fault shortFault(FaultKind kind, List<Fault> alongside, List<Fault> planned) {
        Duration low = kind.shortest();
        Duration high = kind.longest();
        Duration length = kind == FaultKind.SERVICE_PAUSE ? high : low.plusSeconds(high.minus(low).toSeconds() / 4);
        List<Component> fresh = kind.targets().stream().filter(target -> !clashes(kind, target, alongside))
                .filter(target -> planned.stream().noneMatch(fault -> fault.target() == target)).toList();
        Fault fault = fault(kind, fresh.isEmpty() ? target(kind, alongside) : fresh.get(random.nextInt(fresh.size())),
                length);
        planned.add(fault);
        return fault;
    }

    private List<List<Fault>> fullSteps(List<FaultKind> ordered) {
        List<List<Fault>> others = new ArrayList<>();
        List<List<Fault>> last = new ArrayList<>();
        for (FaultKind kind : ordered) {
            if (kind == FaultKind.KILL_SERVICE) {
                continue;
            }
            List<Fault> step = List.of(fault(kind, target(kind, List.of()), kind.length(random)));
            (ALONE.contains(kind) ? last : others).add(step);
        }
        List<List<Fault>> kills = kinds.contains(FaultKind.KILL_SERVICE)
                ? KILL_ORDER.stream().map(service -> List.of(fault(FaultKind.KILL_SERVICE, service, Duration.ZERO)))
                        .toList()
                : List.of();
        List<List<Fault>> steps = new ArrayList<>();
        for (int index = 0; index < Math.max(others.size(), kills.size()); index++) {
            if (index < others.size()) {
                steps.add(others.get(index));
            }
            if (index < kills.size()) {
                steps.add(kills.get(index));
            }
        }
        steps.addAll(last);
        return steps;
    }

    /**
     * Two different faults at once, on components that do not exclude each other (not the same process twice, not
     * the same database twice); one fault when the enabled kinds allow no pair.
     */
    List<Fault> combination() {
        List<FaultKind> enabled = ORDER.stream().filter(kinds::contains).toList();
        FaultKind firstKind = enabled.get(random.nextInt(enabled.size()));
        Fault first = fault(firstKind, target(firstKind, List.of()), firstKind.length(random));
        for (int attempt = 0; attempt < 20; attempt++) {
            FaultKind secondKind = enabled.get(random.nextInt(enabled.size()));
            List<Component> free = secondKind.targets().stream().filter(target -> !clashes(secondKind, target,
                    List.of(first))).toList();
            if (!free.isEmpty() && (secondKind != firstKind || enabled.size() == 1)) {
                return List.of(first, fault(secondKind, free.get(random.nextInt(free.size())),
                        secondKind.length(random)));
            }
        }
        return List.of(first);
    }

    /**
     * The fault on one instance of the target: one drawn at random for a kill or pause of a service that runs several
     * (no draw otherwise, so a seed gives a one-instance stack the same plan as before instances counted).
     */
    private Fault fault(FaultKind kind, Component target, Duration length) {
        int count = instances.of(target);
        boolean process = kind == FaultKind.KILL_SERVICE || kind == FaultKind.SERVICE_PAUSE;
        return new Fault(kind, target, process && count > 1 ? 1 + random.nextInt(count) : 1, length);
    }

    /** A target for the kind that does not clash with the faults alongside; any target when all clash. */
    private Component target(FaultKind kind, List<Fault> alongside) {
        List<Component> free = kind.targets().stream().filter(target -> !clashes(kind, target, alongside)).toList();
        List<Component> from = free.isEmpty() ? kind.targets() : free;
        return from.get(random.nextInt(from.size()));
    }

    /**
     * Two faults clash when they act on the same thing: one process (a kill and a pause of one service, Redis
     * paused and restarted) or one database (read-only and refusing).
     */
    static boolean clashes(FaultKind kind, Component target, List<Fault> alongside) {
        return alongside.stream().anyMatch(other -> other.target() == target && databaseFault(other.kind()) == databaseFault(kind));
    }

    private static boolean databaseFault(FaultKind kind) {
        return kind == FaultKind.DATABASE_READ_ONLY || kind == FaultKind.DATABASE_REFUSING;
    }
}
