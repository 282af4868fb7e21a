package io.ticketing.catalog.demo;

import java.util.ArrayList;
import java.util.List;

import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

/**
 * Seat layouts that look like real halls: regular seats in front, a band of premium rows in the middle
 * (the best view), VIP rows at the back of larger halls, and wheelchair places at both ends of the back
 * row, where a level entrance usually is.
 */
final class HallLayouts {

    private HallLayouts() {
    }

    /**
     * A hall of {@code rows} rows of {@code seatsPerRow} seats; the first two rows, narrower where the
     * screen is closest, have {@code frontTaper} seats fewer.
     */
    static SeatLayout tapered(int rows, int seatsPerRow, int frontTaper) {
        List<Integer> widths = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            widths.add(row < 2 && rows > 4 ? seatsPerRow - frontTaper : seatsPerRow);
        }
        return layout(widths);
    }

    /** A hall with exactly {@code seats} seats in roughly the proportions of a cinema (wider than deep). */
    static SeatLayout withSeats(int seats) {
        if (seats < 1) {
            throw new IllegalArgumentException("A hall needs at least one seat");
        }
        int rows = Math.max(1, (int) Math.round(Math.sqrt(seats / 2.0)));
        List<Integer> widths = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            // the remainder goes to the back rows, which are the widest in a real hall
            widths.add(seats / rows + (row >= rows - seats % rows ? 1 : 0));
        }
        return layout(widths);
    }

    /** Rows front to back with the given number of seats each; seat types follow the rules above. */
    static SeatLayout layout(List<Integer> widths) {
        int rowCount = widths.size();
        int seats = widths.stream().mapToInt(Integer::intValue).sum();
        int vipRows = seats >= 1000 ? 4 : seats >= 300 ? 2 : seats >= 150 ? 1 : 0;
        int premiumFrom = rowCount >= 4 ? (int) Math.round(rowCount * 0.45) : rowCount;
        int premiumTo = rowCount >= 4 ? Math.max(premiumFrom + 1, (int) Math.round(rowCount * 0.70)) : rowCount;
        List<SeatLayout.Row> rows = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            int width = widths.get(row);
            List<SeatLayout.Seat> seatsOfRow = new ArrayList<>(width);
            for (int number = 1; number <= width; number++) {
                seatsOfRow.add(new SeatLayout.Seat(number,
                        type(row, rowCount, number, width, vipRows, premiumFrom, premiumTo)));
            }
            rows.add(new SeatLayout.Row(rowLabel(row), seatsOfRow));
        }
        return new SeatLayout(rows).validated();
    }

    private static SeatType type(int row, int rowCount, int number, int width, int vipRows, int premiumFrom,
            int premiumTo) {
        boolean backRow = row == rowCount - 1;
        int accessiblePerEnd = width >= 10 ? 2 : 1;
        if (backRow && rowCount > 1 && width > 2 * accessiblePerEnd
                && (number <= accessiblePerEnd || number > width - accessiblePerEnd)) {
            return SeatType.ACCESSIBLE;
        }
        if (row >= rowCount - vipRows) {
            return SeatType.VIP;
        }
        if (row >= premiumFrom && row < premiumTo) {
            return SeatType.PREMIUM;
        }
        return SeatType.REGULAR;
    }

    /** A, B, ... Z, AA, AB, ...: the labels a seat id starts with. */
    static String rowLabel(int index) {
        var label = new StringBuilder();
        int rest = index;
        do {
            label.insert(0, (char) ('A' + rest % 26));
            rest = rest / 26 - 1;
        } while (rest >= 0);
        return label.toString();
    }
}
