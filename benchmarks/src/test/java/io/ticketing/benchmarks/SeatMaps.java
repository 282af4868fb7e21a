package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Seat maps for tests, drawn as text: one string per row, {@code .} available, {@code x} taken, {@code |} an aisle. */
final class SeatMaps {

    private SeatMaps() {
    }

    /** {@code map("..x|..")}: row A with A1, A2 available, A3 taken, an aisle after A3, A4 and A5 available. */
    static SeatMapView map(String... rows) {
        List<SeatMapView.Row> result = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            String label = HotShowSetup.rowLabel(r);
            List<SeatMapView.Seat> seats = new ArrayList<>();
            int number = 0;
            for (char c : rows[r].toCharArray()) {
                if (c == '|') {
                    SeatMapView.Seat last = seats.removeLast();
                    seats.add(new SeatMapView.Seat(last.seatId(), last.number(), last.status(), true, false));
                    continue;
                }
                number++;
                seats.add(new SeatMapView.Seat(label + number, number, c == '.' ? "AVAILABLE" : "HELD", false, false));
            }
            result.add(new SeatMapView.Row(label, seats));
        }
        return new SeatMapView(result);
    }
}
