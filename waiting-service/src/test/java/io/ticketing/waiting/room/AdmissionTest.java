package io.ticketing.waiting.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How the rate of a room follows the health of its show's holds. */
class AdmissionTest {

    private static final RoomProperties PROPERTIES = new RoomProperties(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 0.5, 0.01, 0.01, Duration.ofSeconds(5), Duration.ofSeconds(1), 20, 3, 0.1, 0.1, 0.1,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2), 0.9, 100, 1000);
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final HoldHealthRepository.Health HEALTHY = new HoldHealthRepository.Health(200, 0, 0);

    @Test
    void moreThanOnePercentSlowerThanHalfTheBoundHalvesTheRateAndSaysWhy() {
        var throttle = throttle(room(6000, 6000, null, 60), new HoldHealthRepository.Health(200, 3, 0));

        assertThat(throttle.effectivePerMinute()).isEqualTo(3000);
        assertThat(throttle.reason()).isEqualTo("holds of the last 10.0 s: 3 slower than 500 ms and 0 failed, of "
                + "the 200 of the last 10 s (the room aims at 50% of the 1000 ms bound); admitting 3000 a minute "
                + "instead of 6000");
    }

    @Test
    void aSlowRoomHalvesAgainOnceASecondOfHoldsSinceItsLastChangeIsStillSlow() {
        var slow = new HoldHealthRepository.Health(40, 3, 0);

        assertThat(throttle(room(6000, 3000, "slow", 0.5), slow)).as("too soon: the same holds")
                .isEqualTo(new Admission.Throttle(3000, "slow", false, null));
        var again = throttle(room(6000, 3000, "slow", 1.2), slow);
        assertThat(again.effectivePerMinute()).isEqualTo(1500);
        assertThat(again.reason()).startsWith("holds of the last 1.2 s: 3 slower than 500 ms and 0 failed, of the 40 "
                + "of the last 10 s");
    }

    @Test
    void oneOrTwoLateAnswersAreNoOverload() {
        assertThat(throttle(room(6000, 6000, null, 60), new HoldHealthRepository.Health(60, 2, 2)))
                .isEqualTo(new Admission.Throttle(6000, null, false, null));
    }

    @Test
    void anOpeningDoublesItsRateEveryTwoSecondsOfHealthyHoldsUpToHalfTheConfiguredRateThenAddsATenthOfIt() {
        var doubled = throttle(ramping(6000, 600, 2), HEALTHY);
        assertThat(doubled).isEqualTo(new Admission.Throttle(1200, "opening: admitting 1200 a minute, every 2 s while "
                + "holds are healthy twice as many up to half of 6000, then 600 more", true, null));
        assertThat(throttle(ramping(6000, 600, 1.5), HEALTHY)).as("not two seconds yet").isEqualTo(
                new Admission.Throttle(600, "ramping", true, null));
        assertThat(throttle(ramping(6000, 2400, 2), HEALTHY).effectivePerMinute()).as("doubled up to half")
                .isEqualTo(3000);
        assertThat(throttle(ramping(6000, 3000, 2), HEALTHY).effectivePerMinute())
                .as("a doubling from half would overshoot what the hold path serves by up to twice").isEqualTo(3600);
        assertThat(throttle(ramping(6000, 5400, 2), new HoldHealthRepository.Health(3, 0, 0)))
                .as("no holds yet say nothing against it").isEqualTo(new Admission.Throttle(6000, null, false, null));
    }

    @Test
    void slowHoldsEndTheRampAndHalveTheRate() {
        var slower = throttle(ramping(6000, 2400, 1), new HoldHealthRepository.Health(100, 5, 0));

        assertThat(slower.effectivePerMinute()).isEqualTo(1200);
        assertThat(slower.ramping()).isFalse();
        assertThat(slower.overloadedPerMinute()).as("the rate that was slow").isEqualTo(2400);
        assertThat(throttle(room(6000, 1200, slower.reason(), 2), HEALTHY).effectivePerMinute())
                .as("then it climbs back a tenth at a time, after a whole window").isEqualTo(1200);
    }

    @Test
    void failuresHalveTheRateDownToATenth() {
        var failing = new HoldHealthRepository.Health(200, 0, 5);

        assertThat(throttle(room(6000, 1000, "slow", 10), failing).effectivePerMinute()).isEqualTo(600);
        assertThat(throttle(room(6000, 600, "slow", 10), failing).effectivePerMinute()).isEqualTo(600);
    }

    @Test
    void onePercentOrFewerHoldsDecideNothing() {
        assertThat(throttle(room(6000, 6000, null, 60), new HoldHealthRepository.Health(200, 2, 2)))
                .isEqualTo(new Admission.Throttle(6000, null, false, null));
        assertThat(throttle(room(6000, 6000, null, 60), new HoldHealthRepository.Health(19, 19, 19)))
                .as("too few holds to judge").isEqualTo(new Admission.Throttle(6000, null, false, null));
    }

    @Test
    void aWholeHealthyWindowBringsTheRateBackATenthOfTheConfiguredRate() {
        // changed half a second into a second: the holds judged since are those of the 5 whole seconds after it
        var recovering = throttle(room(6000, 2000, "slow", 5.5), HEALTHY);
        var recovered = throttle(room(6000, 5500, "slow", 5.5), HEALTHY);

        assertThat(recovering.effectivePerMinute()).isEqualTo(2600);
        assertThat(recovering.reason()).startsWith("recovering");
        assertThat(recovered).isEqualTo(new Admission.Throttle(6000, null, false, null));
        assertThat(throttle(room(6000, 2000, "slow", 4.5), HEALTHY)).as("not a whole window yet")
                .isEqualTo(new Admission.Throttle(2000, "slow", false, null));
    }

    @Test
    void aRateChangedEarlyInASecondStepsUpAWholeWindowOfJudgedSecondsLaterNotOfTime() {
        // changed 50 ms into 09:59:55, whose slow and failed holds are not judged: 5 s later, the judged ones are
        // those reported in the 50 ms since 10:00:00, and a room with one-second windows climbed on none reported
        Room changed = room(6000, 3000, "slow", 4.95);

        assertThat(Admission.throttle(changed, HEALTHY, NOW.plusMillis(50), PROPERTIES)).as("4.05 s of judged holds")
                .isEqualTo(new Admission.Throttle(3000, "slow", false, null));
        assertThat(Admission.throttle(changed, HEALTHY, NOW.plusSeconds(1), PROPERTIES).effectivePerMinute())
                .as("5 s of them").isEqualTo(3600);
    }

    @Test
    void aSlowdownMarksTheRateThatWasSlowUnlessTheSameOverloadIsStillDraining() {
        var slow = new HoldHealthRepository.Health(200, 5, 0);

        assertThat(throttle(room(6000, 6000, null, 60), slow).overloadedPerMinute()).isEqualTo(6000);
        assertThat(throttle(room(6000, 3000, "slow", false, 6000.0, 6.2), slow))
                .as("still slow at half of it once the queue of the customers let in before has drained")
                .extracting(Admission.Throttle::effectivePerMinute, Admission.Throttle::overloadedPerMinute)
                .containsExactly(1500.0, 6000.0);
        assertThat(throttle(room(6000, 600, "slow", false, 1000.0, 6.2), slow).overloadedPerMinute())
                .as("at the slowest rate").isEqualTo(1000);
        assertThat(throttle(room(6000, 4000, "recovering", false, 6000.0, 10), slow).overloadedPerMinute())
                .as("slow again on the way back up: there").isEqualTo(4000);
    }

    @Test
    void aRoomSlowedDownJudgesItsHoldsOnlyOnceTheQueueOfTheCustomersLetInBeforeHasDrained() {
        var slow = new HoldHealthRepository.Health(200, 30, 0);
        Admission.Throttle unchanged = new Admission.Throttle(3000, "slow", false, 6000.0);

        assertThat(throttle(room(6000, 3000, "slow", false, 6000.0, 1.2), slow)).as("slow while draining")
                .isEqualTo(unchanged);
        assertThat(throttle(room(6000, 3000, "slow", false, 6000.0, 4.9), new HoldHealthRepository.Health(200, 0, 30)))
                .as("failing while draining").isEqualTo(unchanged);
        var slower = throttle(room(6000, 3000, "slow", false, 6000.0, 6.2), slow);
        assertThat(slower.effectivePerMinute()).as("slow after the drain").isEqualTo(1500);
        assertThat(slower.reason()).as("judged from the drain's end").startsWith("holds of the last 1.2 s: 30 slower");
        assertThat(throttle(room(6000, 3000, "slow", false, 6000.0, 9.5), HEALTHY)).as("4 judged seconds healthy")
                .isEqualTo(unchanged);
        assertThat(throttle(room(6000, 3000, "slow", false, 6000.0, 10.5), HEALTHY).effectivePerMinute())
                .as("5 of them").isEqualTo(3600);
        assertThat(Admission.judgedFrom(room(6000, 3100, "recovering", false, 6000.0, 1.2), PROPERTIES))
                .as("above half of the rate that was slow: no longer draining").isEqualTo(NOW.minusMillis(1200));
    }

    @Test
    void aRoomSlowedDownStepsBackUpByAQuarterOfAStepFromThreeQuartersOfTheRateThatWasSlowToIt() {
        // a whole window of judged seconds after the drain
        var quick = throttle(room(6000, 3000, "slow", false, 6000.0, 10.5), HEALTHY);
        assertThat(quick.effectivePerMinute()).as("3,600 is under 4,500").isEqualTo(3600);
        assertThat(quick.reason()).isEqualTo("recovering: holds were healthy for 5 s; admitting 3600 a minute, back up "
                + "to 6000");

        var careful = throttle(room(6000, 4200, "recovering", false, 6000.0, 5.5), HEALTHY);
        assertThat(careful.effectivePerMinute()).as("a whole step would pass 4,500").isEqualTo(4350);
        assertThat(careful.reason()).isEqualTo("recovering: holds were healthy for 5 s; admitting 4350 a minute, back "
                + "up to 6000 (a quarter of a step at a time from three quarters of the 6000 a minute that was slow "
                + "last to it)");
        assertThat(careful.overloadedPerMinute()).isEqualTo(6000);

        assertThat(throttle(room(6000, 5900, "recovering", false, 6000.0, 5.5), HEALTHY))
                .isEqualTo(new Admission.Throttle(6000, null, false, 6000.0));
        assertThat(throttle(room(6000, 4200, "slow", false, null, 5.5), HEALTHY).effectivePerMinute())
                .as("never slow before: whole steps").isEqualTo(4800);
        // the twenty-fifth arena: a stall slowed 4 of 66 holds at 656 a minute, of 3,000
        assertThat(throttle(room(3000, 628, "recovering", false, 656.0, 5.5), HEALTHY).effectivePerMinute())
                .as("up to the rate that was slow by quarters").isEqualTo(703);
        assertThat(throttle(room(3000, 703, "recovering", false, 656.0, 5.5), HEALTHY))
                .as("past it, whole steps again").isEqualTo(new Admission.Throttle(1003, "recovering: holds were "
                        + "healthy for 5 s; admitting 1003 a minute, back up to 3000", false, 656.0));
    }

    @Test
    void aRateLoweredByAnAdminBelowTheThrottledOneIsTheCeiling() {
        assertThat(throttle(room(500, 3000, "slow", 0), new HoldHealthRepository.Health(0, 0, 0)))
                .isEqualTo(new Admission.Throttle(500, null, false, null));
    }

    @Test
    void anOpeningIsQuietWhileItsCrowdReadsItsPlacesAndNotOnceMostHaveReadOrTheyStoppedReading() {
        // drawn at the opening 12 s ago; the reads of the last second against those before
        Duration second = Duration.ofSeconds(1);
        assertThat(Admission.stillReading(opening(10_000, 5_000, 4_300, 12), second, NOW, PROPERTIES))
                .as("700 a second").isTrue();
        assertThat(Admission.stillReading(opening(10_000, 9_000, 8_300, 12), second, NOW, PROPERTIES))
                .as("nine in ten have read").isFalse();
        assertThat(Admission.stillReading(opening(10_000, 6_000, 5_910, 12), second, NOW, PROPERTIES))
                .as("90 a second: under 1 % of the crowd").isFalse();
        assertThat(Admission.stillReading(opening(1_000, 840, 770, 12), second, NOW, PROPERTIES))
                .as("70 a second, against 70 since the opening").isTrue();
        assertThat(Admission.stillReading(opening(1_000, 840, 828, 12), second, NOW, PROPERTIES))
                .as("12 a second, against 70 since the opening: they have stopped").isFalse();
        assertThat(Admission.stillReading(opening(1_000, 0, 0, 12), second, NOW, PROPERTIES)).as("nobody read in 12 s")
                .isFalse();
        assertThat(Admission.stillReading(opening(10_000, 5_000, 4_650, 12), Duration.ofMillis(500), NOW, PROPERTIES))
                .as("350 in half a second").isTrue();
    }

    @Test
    void anOpeningIsQuietForTenSecondsAtLeastUnlessMostOfItsCrowdHasRead() {
        // the eighteenth arena: 1,000 long polls answered at the opening, then the other 9,000 pages read more slowly
        // for a moment (the quiet ended 2.2 s in, having seen 1,239 reads, and the first admitted customers' holds
        // took 2.5 s)
        Duration second = Duration.ofSeconds(1);
        assertThat(Admission.stillReading(opening(10_000, 1_239, 1_170, 2), second, NOW, PROPERTIES))
                .as("69 a second, 2 s after the opening").isTrue();
        assertThat(Admission.stillReading(opening(1_000, 0, 0, 9), second, NOW, PROPERTIES))
                .as("nobody read in 9 s: their pages may not have heard yet").isTrue();
        assertThat(Admission.stillReading(opening(10_000, 9_000, 8_900, 2), second, NOW, PROPERTIES))
                .as("nine in ten have read").isFalse();
    }

    private static Admission.Throttle throttle(Room room, HoldHealthRepository.Health holds) {
        return Admission.throttle(room, holds, NOW, PROPERTIES);
    }

    /** A room whose rate last changed {@code secondsAgo}. */
    private static Room room(int configured, double effective, String reason, double secondsAgo) {
        return room(configured, effective, reason, false, secondsAgo);
    }

    /** A room ramping up since its opening, whose rate last changed {@code secondsAgo}. */
    private static Room ramping(int configured, double effective, double secondsAgo) {
        return room(configured, effective, "ramping", true, secondsAgo);
    }

    private static Room room(int configured, double effective, String reason, boolean ramping, double secondsAgo) {
        return room(configured, effective, reason, ramping, null, secondsAgo);
    }

    /** A room whose holds were last slow at {@code overloaded} a minute, and whose rate changed {@code secondsAgo}. */
    private static Room room(int configured, double effective, String reason, boolean ramping, Double overloaded,
            double secondsAgo) {
        Instant changed = NOW.minusMillis(Math.round(secondsAgo * 1000));
        return new Room(UUID.randomUUID(), Room.Status.OPEN, NOW, configured, 5, effective, reason, ramping, overloaded,
                0, 0, 0, NOW, changed, 0, 0, NOW, null, NOW, NOW);
    }

    /**
     * A room that opened {@code secondsAgo} with a crowd of {@code crowd}: {@code reads} reads so far, {@code judged}
     * 1 s ago.
     */
    private static Room opening(long crowd, long reads, long judged, long secondsAgo) {
        Instant opened = NOW.minusSeconds(secondsAgo);
        return new Room(UUID.randomUUID(), Room.Status.OPEN, opened, 6000, 5, 600, "opening", true, null, 0, 0, crowd,
                opened.plusSeconds(30), NOW.minusSeconds(1), reads, judged, opened, null, opened, opened);
    }
}
