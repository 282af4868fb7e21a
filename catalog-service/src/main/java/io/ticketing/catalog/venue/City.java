package io.ticketing.catalog.venue;

import java.util.UUID;

public record City(UUID id, String name, String country, double latitude, double longitude) {
}
