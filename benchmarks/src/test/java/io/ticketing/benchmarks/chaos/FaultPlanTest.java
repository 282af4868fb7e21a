package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final EnumSet<FaultKind> ALL = EnumSet.allOf(FaultKind.class);

    @Test
    void theShortPlanInjectsEveryKindOnceTwoAtATimeAndTheDestructiveOnesAlone() {
        List<List<Fault>> steps = new FaultPlan(ALL, new SplittableRandom(1)).steps(FaultPlan.Shape.SHORT);

        assertThat(steps.stream().flatMap(List::stream).map(Fault::kind).toList())
                .containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(steps).hasSize(5);
        assertThat(steps.subList(0, 3)).allSatisfy(step -> assertThat(step).hasSize(2));
        assertThat(steps.subList(3, 5)).allSatisfy(step -> assertThat(step).hasSize(1))
                .extracting(step -> step.getFirst().kind())
                .containsExactly(FaultKind.KAFKA_KILL, FaultKind.REDIS_RESTART_EMPTY);
        assertThat(steps.subList(0, 3)).allSatisfy(step -> assertThat(FaultPlan.clashes(step.get(1).kind(),
                step.get(1).target(), List.of(step.get(0)))).isFalse());
    }

    @Test
    void theShortPlanHitsADifferentServiceWithEachServiceFault() {
        for (long seed = 0; seed < 20; seed++) {
            List<Component> services = new FaultPlan(ALL, new SplittableRandom(seed)).steps(FaultPlan.Shape.SHORT).stream()
                    .flatMap(List::stream).map(Fault::target).filter(Component::service).toList();

            assertThat(services).as("seed %d", seed).doesNotHaveDuplicates().hasSize(4);
        }
    }

    @Test
    void shortFaultsAreNearTheShortEndOfTheirRange() {
        List<Fault> faults = new FaultPlan(ALL, new SplittableRandom(1)).steps(FaultPlan.Shape.SHORT).stream()
                .flatMap(List::stream).toList();

        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.DATABASE_READ_ONLY).singleElement()
                .extracting(Fault::length).isEqualTo(Duration.ofSeconds(11));
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.KAFKA_PAUSE).singleElement()
                .extracting(Fault::length).isEqualTo(Duration.ofSeconds(15));
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.SERVICE_PAUSE).singleElement()
                .extracting(Fault::length).isEqualTo(FaultKind.SERVICE_PAUSE.longest());
    }

    @Test
    void theFullPlanKillsEveryServiceInTurnAndKeepsTheDestructiveFaultsForLast() {
        List<List<Fault>> steps = new FaultPlan(ALL, new SplittableRandom(3)).steps(FaultPlan.Shape.FULL);

        assertThat(steps).allSatisfy(step -> assertThat(step).hasSize(1));
        List<Fault> faults = steps.stream().map(List::getFirst).toList();
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.KILL_SERVICE).extracting(Fault::target)
                .containsExactly(Component.CATALOG, Component.RESERVATION, Component.BOOKING, Component.WAITING,
                        Component.PAYMENT, Component.NOTIFICATION, Component.GATEWAY);
        assertThat(faults).extracting(Fault::kind).containsAll(ALL);
        assertThat(faults.subList(faults.size() - 2, faults.size())).extracting(Fault::kind)
                .containsExactly(FaultKind.KAFKA_KILL, FaultKind.REDIS_RESTART_EMPTY);
        assertThat(faults).allSatisfy(fault -> assertThat(fault.length())
                .isBetween(fault.kind().shortest(), fault.kind().longest()));
    }

    @Test
    void aSeedRepeatsThePlan() {
        assertThat(new FaultPlan(ALL, new SplittableRandom(9)).steps(FaultPlan.Shape.FULL))
                .isEqualTo(new FaultPlan(ALL, new SplittableRandom(9)).steps(FaultPlan.Shape.FULL));
    }

    @Test
    void combinationsNeverHitOneProcessOrOneDatabaseTwice() {
        var plan = new FaultPlan(ALL, new SplittableRandom(5));

        for (int step = 0; step < 500; step++) {
            List<Fault> faults = plan.combination();
            if (faults.size() == 2) {
                assertThat(FaultPlan.clashes(faults.get(1).kind(), faults.get(1).target(), List.of(faults.get(0))))
                        .as(faults.toString()).isFalse();
                assertThat(faults.get(0).kind()).isNotEqualTo(faults.get(1).kind());
            }
        }
    }

    @Test
    void aKillAndADatabaseFaultOfOneServiceGoTogetherButTwoDatabaseFaultsDoNot() {
        List<Fault> killed = List.of(new Fault(FaultKind.KILL_SERVICE, Component.BOOKING, Duration.ZERO));
        List<Fault> readOnly = List.of(new Fault(FaultKind.DATABASE_READ_ONLY, Component.BOOKING, Duration.ofSeconds(5)));

        assertThat(FaultPlan.clashes(FaultKind.DATABASE_REFUSING, Component.BOOKING, killed)).isFalse();
        assertThat(FaultPlan.clashes(FaultKind.DATABASE_REFUSING, Component.BOOKING, readOnly)).isTrue();
        assertThat(FaultPlan.clashes(FaultKind.SERVICE_PAUSE, Component.BOOKING, killed)).isTrue();
        assertThat(FaultPlan.clashes(FaultKind.REDIS_PAUSE, Component.REDIS, List.of(
                new Fault(FaultKind.REDIS_RESTART_EMPTY, Component.REDIS, Duration.ZERO)))).isTrue();
    }

    @Test
    void onlyTheChosenKindsAreInjected() {
        var plan = new FaultPlan(EnumSet.of(FaultKind.REDIS_PAUSE, FaultKind.DATABASE_READ_ONLY), new SplittableRandom(1));

        assertThat(plan.steps(FaultPlan.Shape.FULL).stream().flatMap(List::stream).map(Fault::kind))
                .containsExactlyInAnyOrder(FaultKind.DATABASE_READ_ONLY, FaultKind.REDIS_PAUSE);
        assertThat(plan.combination()).extracting(Fault::kind)
                .allMatch(kind -> kind == FaultKind.REDIS_PAUSE || kind == FaultKind.DATABASE_READ_ONLY);
        assertThatThrownBy(() -> new FaultPlan(EnumSet.noneOf(FaultKind.class), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFaultHitsOnlyWhatItsKindCanHit() {
        assertThatThrownBy(() -> new Fault(FaultKind.DATABASE_READ_ONLY, Component.GATEWAY, Duration.ofSeconds(5)))
                .hasMessageContaining("db-read-only cannot hit gateway-service");
        assertThat(new Fault(FaultKind.DATABASE_READ_ONLY, Component.BOOKING, Duration.ofSeconds(12)).describe())
                .isEqualTo("db-read-only booking-service 12 s");
        assertThat(new Fault(FaultKind.KILL_SERVICE, Component.GATEWAY, Duration.ZERO).describe())
                .isEqualTo("kill-service gateway-service");
    }
}
