package io.ticketing.catalog.show;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    void isFullWithNoSeatLeft() {
        assertThat(new Availability("REGULAR", 200, 0).status()).isEqualTo(Availability.Status.FULL);
    }

    @Test
    void isAlmostFullFromATenthOfTheSeats() {
        assertThat(new Availability("REGULAR", 200, 20).status()).isEqualTo(Availability.Status.ALMOST_FULL);
        assertThat(new Availability("REGULAR", 200, 21).status()).isEqualTo(Availability.Status.AVAILABLE);
    }

    @Test
    void callsTheLastSeatOfASmallSectionAlmostFull() {
        assertThat(new Availability("VIP", 4, 1).status()).isEqualTo(Availability.Status.ALMOST_FULL);
        assertThat(new Availability("VIP", 4, 2).status()).isEqualTo(Availability.Status.AVAILABLE);
    }

    @Test
    void callsAnUntouchedOneSeatSectionAvailable() {
        assertThat(new Availability("ACCESSIBLE", 1, 1).status()).isEqualTo(Availability.Status.AVAILABLE);
    }
}
