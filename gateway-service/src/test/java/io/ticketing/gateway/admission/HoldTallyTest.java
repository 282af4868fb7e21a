package io.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class HoldTallyTest {

    private static final UUID SHOW = UUID.randomUUID();

    @Test
    void countsHoldsWithTheSlowAndTheFailedOnes() {
        HoldTally tally = new HoldTally();
        tally.record(false, false);
        tally.record(true, false);
        tally.record(true, true);
        tally.record(false, true);

        assertThat(tally.count(SHOW)).isEqualTo(new RoomsClient.ShowHolds(SHOW, 4, 2, 2));
    }

    @Test
    void takesOffWhatAnAcceptedReportCarriedAndKeepsWhatCameSince() {
        HoldTally tally = new HoldTally();
        tally.record(true, false);
        tally.record(false, true);
        RoomsClient.ShowHolds reported = tally.count(SHOW);
        tally.record(true, true);

        tally.settle(reported);

        assertThat(tally.count(SHOW)).isEqualTo(new RoomsClient.ShowHolds(SHOW, 1, 1, 1));
    }
}
