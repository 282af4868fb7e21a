package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

class HallLayoutsTest {

    @Test
    void labelsRowsLikeSpreadsheetColumns() {
        assertThat(HallLayouts.rowLabel(0)).isEqualTo("A");
        assertThat(HallLayouts.rowLabel(25)).isEqualTo("Z");
        assertThat(HallLayouts.rowLabel(26)).isEqualTo("AA");
        assertThat(HallLayouts.rowLabel(39)).isEqualTo("AN");
        assertThat(HallLayouts.rowLabel(701)).isEqualTo("ZZ");
        assertThat(HallLayouts.rowLabel(702)).isEqualTo("AAA");
    }

    @Test
    void buildsHallsOfExactlyTheAskedSize() {
        for (int seats : new int[] { 1, 2, 7, 50, 99, 400, 2_000, 60_000 }) {
            assertThat(HallLayouts.withSeats(seats).seatCount()).as("%d seats", seats).isEqualTo(seats);
        }
    }

    @Test
    void placesPremiumRowsInTheMiddleAndVipAndAccessibleSeatsAtTheBack() {
        SeatLayout hall = HallLayouts.tapered(15, 20, 2);

        assertThat(hall.seatCount()).isEqualTo(296);
        assertThat(hall.rows().getFirst().seats()).hasSize(18).allMatch(seat -> seat.type() == SeatType.REGULAR);
        assertThat(hall.rows().get(7).seats()).allMatch(seat -> seat.type() == SeatType.PREMIUM);
        SeatLayout.Row back = hall.rows().getLast();
        assertThat(back.seats()).extracting(SeatLayout.Seat::type).containsExactly(SeatType.ACCESSIBLE,
                SeatType.ACCESSIBLE, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP,
                SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP,
                SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.VIP, SeatType.ACCESSIBLE, SeatType.ACCESSIBLE);
    }
}
