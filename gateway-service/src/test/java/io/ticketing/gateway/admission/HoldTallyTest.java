package io.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HoldTallyTest {

    private static final UUID SHOW = UUID.randomUUID();

    @Test
    void countsHoldsWithTheSlowAndTheFailedOnes() {
        HoldTally tally = new HoldTally();
        answer(tally, false, false);
        answer(tally, true, false);
        answer(tally, true, true);
        answer(tally, false, true);

        assertThat(tally.count(SHOW)).isEqualTo(new RoomsClient.ShowHolds(SHOW, 4, 2, 2));
    }

    @Test
    void countsAHoldStillInFlightAfterTheSlowTimeAsSlowOnceEvenWhenItsAnswerComesLater() throws Exception {
        HoldTally tally = new HoldTally();
        HoldTally.Hold stalled = tally.begin(System.nanoTime());
        tally.overdue(TimeUnit.SECONDS.toNanos(1));
        assertThat(tally.count(SHOW)).as("not slow yet").isEqualTo(new RoomsClient.ShowHolds(SHOW, 0, 0, 0));
        Thread.sleep(20);
        HoldTally.Hold quick = tally.begin(System.nanoTime());

        tally.overdue(TimeUnit.MILLISECONDS.toNanos(10));
        tally.overdue(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(tally.count(SHOW)).as("counted once, before its answer")
                .isEqualTo(new RoomsClient.ShowHolds(SHOW, 1, 1, 0));
        tally.answered(stalled, true, true);
        tally.answered(quick, false, false);
        assertThat(tally.count(SHOW)).as("its answer adds the failure only")
                .isEqualTo(new RoomsClient.ShowHolds(SHOW, 2, 1, 1));
    }

    @Test
    void takesOffWhatAnAcceptedReportCarriedAndKeepsWhatCameSince() {
        HoldTally tally = new HoldTally();
        answer(tally, true, false);
        answer(tally, false, true);
        RoomsClient.ShowHolds reported = tally.count(SHOW);
        answer(tally, true, true);

        tally.settle(reported);

        assertThat(tally.count(SHOW)).isEqualTo(new RoomsClient.ShowHolds(SHOW, 1, 1, 1));
    }

    private static void answer(HoldTally tally, boolean tookLong, boolean failed) {
        tally.answered(tally.begin(System.nanoTime()), tookLong, failed);
    }
}
