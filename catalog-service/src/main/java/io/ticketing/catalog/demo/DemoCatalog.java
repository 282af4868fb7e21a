package io.ticketing.catalog.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

/**
 * The catalog a fresh local stack starts with: 12 real cities in 10 countries, 40 cinemas with 2 to 4
 * halls of 80 to 400 seats (and one 2,000-seat large-format hall in London), 30 well-known movies, and
 * several shows a day in every hall for the coming days, at local times, priced in the local currency.
 *
 * <p>Deterministic: the same instant gives the same catalog, ids included. Which movie a hall shows on a
 * date depends only on the hall and the date, so a show keeps its id and its movie whichever day the
 * catalog is built on.
 */
public final class DemoCatalog {

    public static final int DAYS = 7;
    public static final int SHOWS_PER_DAY = 4;
    static final int LARGE_FORMAT_SEATS = 2_000;
    static final String LARGE_FORMAT_HALL = "Grand Screen";

    private static final long SEED = 20_250_601L;
    private static final LocalTime MATINEE_UNTIL = LocalTime.of(14, 0);

    /** Rows and seats per row; the two front rows have two seats fewer. Sizes 92 to 392 seats. */
    private static final List<int[]> SMALL = List.of(new int[] { 8, 12 }, new int[] { 9, 12 }, new int[] { 10, 12 },
            new int[] { 10, 14 });
    private static final List<int[]> MEDIUM = List.of(new int[] { 12, 15 }, new int[] { 13, 16 },
            new int[] { 13, 18 });
    private static final List<int[]> LARGE = List.of(new int[] { 15, 20 }, new int[] { 16, 22 },
            new int[] { 18, 22 });

    private DemoCatalog() {
    }

    /** The demo catalog with {@value #DAYS} days of {@value #SHOWS_PER_DAY} shows per hall. */
    public static CatalogDescription build(Instant now) {
        return build(now, DAYS, SHOWS_PER_DAY);
    }

    /**
     * @param now  decides "today" in each city's time zone; shows run from today on for {@code days} days
     *             (those already over by load time are skipped by the loader)
     */
    public static CatalogDescription build(Instant now, int days, int showsPerDay) {
        List<City> cities = new ArrayList<>();
        List<Cinema> cinemas = new ArrayList<>();
        List<Hall> halls = new ArrayList<>();
        List<Show.Draft> shows = new ArrayList<>();
        for (DemoPlaces.Place place : DemoPlaces.CITIES) {
            Country country = Country.of(place.country());
            ZoneId zone = ZoneId.of(place.timeZone());
            var city = new City(StableIds.of("demo", "city", place.country(), place.name()), place.name(),
                    place.country(), place.latitude(), place.longitude(), place.timeZone());
            cities.add(city);
            for (DemoPlaces.Site site : place.cinemas()) {
                var cinema = new Cinema(StableIds.of("demo", "cinema", place.country(), place.name(), site.name()),
                        city.id(), site.name(), site.address(), site.postalCode(), site.latitude(), site.longitude());
                cinemas.add(cinema);
                List<Hall> cinemaHalls = halls(cinema, country, site.name().equals(DemoPlaces.LARGE_FORMAT_CINEMA));
                halls.addAll(cinemaHalls);
                for (int index = 0; index < cinemaHalls.size(); index++) {
                    Hall hall = cinemaHalls.get(index);
                    Duration stagger = Duration.ofMinutes(15L * (index % 4));
                    for (int day = 0; day < days; day++) {
                        shows.addAll(shows(hall, country, zone, LocalDate.ofInstant(now, zone).plusDays(day),
                                showsPerDay, stagger));
                    }
                }
            }
        }
        return new CatalogDescription(cities, cinemas, halls, DemoMovies.ALL, shows);
    }

    /** Two to four halls, the first the largest; the large-format cinema adds its big screen to two. */
    private static List<Hall> halls(Cinema cinema, Country country, boolean largeFormat) {
        Random random = StableIds.random(SEED, "halls", cinema.id());
        int count = largeFormat ? 2 : 2 + random.nextInt(3);
        List<Hall> halls = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            List<int[]> sizes = new ArrayList<>(MEDIUM);
            sizes.addAll(index == 0 ? LARGE : SMALL);
            int[] size = sizes.get(random.nextInt(sizes.size()));
            halls.add(hall(cinema, country.hallWord() + " " + (index + 1), HallLayouts.tapered(size[0], size[1], 2)));
        }
        if (largeFormat) {
            halls.add(hall(cinema, LARGE_FORMAT_HALL, HallLayouts.tapered(40, LARGE_FORMAT_SEATS / 40, 0)));
        }
        return halls;
    }

    private static Hall hall(Cinema cinema, String name, SeatLayout layout) {
        return new Hall(StableIds.of("demo", "hall", cinema.id(), name), cinema.id(), name, layout);
    }

    private static List<Show.Draft> shows(Hall hall, Country country, ZoneId zone, LocalDate date, int showsPerDay,
            Duration stagger) {
        boolean largeFormat = hall.layout().seatCount() >= LARGE_FORMAT_SEATS;
        Set<SeatType> seatTypes = hall.layout().seatTypes();
        Random random = StableIds.random(SEED, "programme", hall.id(), date);
        return ShowTimes.forDay(date, zone, showsPerDay, stagger, DemoMovies.ALL, random).stream()
                .map(slot -> draft(hall, slot, country.prices(seatTypes,
                        slot.startsAt().toLocalTime().isBefore(MATINEE_UNTIL), largeFormat)))
                .toList();
    }

    /** A show whose id is its hall and local start time: the same slot is the same show on every build. */
    static Show.Draft draft(Hall hall, ShowTimes.Slot slot, List<Show.Price> prices) {
        UUID id = StableIds.of("show", hall.id(), slot.startsAt().toLocalDateTime());
        return new Show.Draft(id, slot.movie().id(), hall.id(), slot.startsAt().toInstant(), null, null, prices);
    }
}
