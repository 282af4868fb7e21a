package io.ticketing.catalog.venue;

import java.util.UUID;

/** A city; its time zone decides which shows are "on" a local date. */
public record City(UUID id, String name, String country, double latitude, double longitude, String timeZone) {
}
