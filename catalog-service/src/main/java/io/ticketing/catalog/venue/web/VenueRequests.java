package io.ticketing.catalog.venue.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

/** Request bodies of the venue admin API; the same body creates and (with PUT) replaces. */
final class VenueRequests {

    private VenueRequests() {
    }

    /** @param timeZone IANA name such as {@code Europe/Amsterdam}; UTC when absent */
    record CityBody(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String country,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @Size(max = 60) String timeZone) {

        City city() {
            return new City(null, name.strip(), country.strip(), latitude, longitude,
                    timeZone == null ? null : timeZone.strip());
        }
    }

    record CinemaBody(@NotNull UUID cityId, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String address, @NotBlank @Size(max = 20) String postalCode,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        Cinema cinema() {
            return new Cinema(null, cityId, name.strip(), address.strip(), postalCode.strip(), latitude, longitude);
        }
    }

    record HallBody(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 500) List<@Valid @NotNull Row> rows) {

        SeatLayout layout() {
            return new SeatLayout(rows.stream()
                    .map(row -> new SeatLayout.Row(row.row(), row.seats().stream()
                            .map(seat -> new SeatLayout.Seat(seat.number(), seat.type(),
                                    Boolean.TRUE.equals(seat.aisleAfter())))
                            .toList()))
                    .toList());
        }
    }

    record Row(@NotBlank String row, @NotEmpty @Size(max = 1000) List<@Valid @NotNull Seat> seats) {
    }

    /** @param aisleAfter an aisle between this seat and the next one in the row; false when absent */
    record Seat(@NotNull Integer number, @NotNull SeatType type, Boolean aisleAfter) {
    }
}
