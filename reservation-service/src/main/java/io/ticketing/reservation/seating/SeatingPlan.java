package io.ticketing.reservation.seating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.events.catalog.ShowScheduled;

/**
 * What a hold needs to know of a show: which seats exist and their type, the price per type, and whether
 * sales are open; and the layout (rows, seat numbers, aisles) the seat map draws.
 */
public record SeatingPlan(UUID showId, Map<String, String> seatTypes, Map<String, ShowScheduled.Price> prices,
        Instant salesOpenAt, Instant salesCloseAt, boolean cancelled, List<ShowScheduled.Row> rows) {

    public SeatingPlan {
        seatTypes = Map.copyOf(seatTypes);
        prices = Map.copyOf(prices);
        rows = List.copyOf(rows);
    }

    public boolean onSale(Instant now) {
        return !cancelled && !now.isBefore(salesOpenAt) && now.isBefore(salesCloseAt);
    }

    public ShowScheduled.Price price(String seatId) {
        return prices.get(seatTypes.get(seatId));
    }

    public BigDecimal amount(Iterable<String> seatIds) {
        BigDecimal total = BigDecimal.ZERO;
        for (String seatId : seatIds) {
            total = total.add(price(seatId).amount());
        }
        return total;
    }
}
