package io.ticketing.catalog.venue;

import java.util.UUID;

public record Cinema(UUID id, UUID cityId, String name, String address, String postalCode, double latitude,
        double longitude) {
}
