package io.ticketing.catalog.venue;

import java.util.UUID;

public record Hall(UUID id, UUID cinemaId, String name, SeatLayout layout) {
}
