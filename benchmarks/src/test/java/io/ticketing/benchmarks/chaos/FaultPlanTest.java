package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void withSeveralInstancesAKillOrPauseHitsOneOfThemAndEveryOtherFaultTheOnlyOne() {
        var two = new Instances(Map.of(Component.RESERVATION, 2, Component.GATEWAY, 2, Component.BOOKING, 2,
                Component.CATALOG, 2, Component.WAITING, 2, Component.PAYMENT, 2, Component.NOTIFICATION, 2));
        Set<Integer> killed = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            var plan = new FaultPlan(ALL, two, new SplittableRandom(seed));
            List<Fault> faults = new ArrayList<>(
                    plan.steps(FaultPlan.Shape.FULL).stream().flatMap(List::stream).toList());
            assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.KILL_SERVICE).hasSize(7);
            faults.addAll(plan.combination());

            assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.KILL_SERVICE)
                    .allSatisfy(fault -> assertThat(fault.instance()).isBetween(1, 2));
            faults.stream().filter(fault -> fault.kind() == FaultKind.KILL_SERVICE).map(Fault::instance)
                    .forEach(killed::add);
            assertThat(faults).filteredOn(fault -> fault.kind() != FaultKind.KILL_SERVICE
                    && fault.kind() != FaultKind.SERVICE_PAUSE)
                    .allSatisfy(fault -> assertThat(fault.instance()).isOne());
        }
        assertThat(killed).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void oneInstanceOfEverythingKeepsTheSeedsPlans() {
        var single = new Instances(Map.of(Component.RESERVATION, 1));
        assertThat(new FaultPlan(ALL, single, new SplittableRandom(9)).steps(FaultPlan.Shape.FULL))
                .isEqualTo(new FaultPlan(ALL, new SplittableRandom(9)).steps(FaultPlan.Shape.FULL))
                .flatExtracting(step -> step).allSatisfy(fault -> assertThat(((Fault) fault).instance()).isOne());
    }

    @Test
    void aFurtherInstanceListensAPortStepAboveTheFirstUnderItsOwnName() {
        var second = new Fault(FaultKind.KILL_SERVICE, Component.RESERVATION, 2, Duration.ZERO);

        assertThat(second.port()).isEqualTo(8182);
        assertThat(second.describe()).isEqualTo("kill-service reservation-service-2");
        assertThat(Component.GATEWAY.managementPort(2)).isEqualTo(9180);
        assertThat(new Fault(FaultKind.KILL_SERVICE, Component.GATEWAY, Duration.ZERO).port()).isEqualTo(8080);
        assertThatThrownBy(() -> new Fault(FaultKind.REDIS_PAUSE, Component.REDIS, 2, Duration.ofSeconds(3)))
                .hasMessageContaining("Redis has no instance 2");
    }
}
