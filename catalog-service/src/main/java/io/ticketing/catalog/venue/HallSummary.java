package io.ticketing.catalog.venue;

import java.util.UUID;

/** A hall without its layout, for listings. */
public record HallSummary(UUID id, String name, int seatCount) {
}
