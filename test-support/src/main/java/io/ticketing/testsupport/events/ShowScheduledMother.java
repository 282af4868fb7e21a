package io.ticketing.testsupport.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ticketing.events.catalog.ShowScheduled;

/** {@link ShowScheduled} events for tests: a new show id every time, a rectangular hall. */
public final class ShowScheduledMother {

    private ShowScheduledMother() {
    }

    /** A show tomorrow in a hall of {@code rows} rows of {@code seatsPerRow} seats; row A is PREMIUM. */
    public static ShowScheduled show(int rows, int seatsPerRow) {
        List<ShowScheduled.Row> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String row = String.valueOf((char) ('A' + r));
            String type = r == 0 ? "PREMIUM" : "REGULAR";
            List<ShowScheduled.Seat> seats = new ArrayList<>();
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add(new ShowScheduled.Seat(row + n, n, type));
            }
            layout.add(new ShowScheduled.Row(row, seats));
        }
        Instant startsAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new ShowScheduled(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "Inception",
                UUID.randomUUID(), UUID.randomUUID(), "Hall 1", startsAt, startsAt.plus(148, ChronoUnit.MINUTES),
                Instant.now().minus(1, ChronoUnit.MINUTES), startsAt, layout,
                List.of(new ShowScheduled.Price("PREMIUM", new BigDecimal("16.00"), "EUR"),
                        new ShowScheduled.Price("REGULAR", new BigDecimal("11.50"), "EUR")));
    }
}
