package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ticketing.catalog.movie.Movie;
import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

import tools.jackson.databind.json.JsonMapper;

class DemoCatalogTest {

    private static final Instant NOW = Instant.parse("2026-03-27T09:30:00Z");
    private static final CatalogDescription DEMO = DemoCatalog.build(NOW);

    private static final Map<String, String> POSTAL_CODES = Map.of(
            "NL", "[1-9]\\d{3} [A-Z]{2}", "DE", "\\d{5}", "FR", "\\d{5}", "ES", "\\d{5}",
            "GB", "[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}", "US", "\\d{5}", "CA", "[A-Z]\\d[A-Z] \\d[A-Z]\\d",
            "IN", "[1-9]\\d{5}", "JP", "\\d{3}-\\d{4}", "AU", "\\d{4}");

    @Test
    void isTheSameCatalogIdsIncludedWheneverItIsBuiltForTheSameTime() {
        assertThat(asJson(DemoCatalog.build(NOW))).isEqualTo(asJson(DEMO));
        assertThat(asJson(DemoCatalog.build(NOW.plusSeconds(3600)))).isEqualTo(asJson(DEMO));
    }

    @Test
    void keepsAShowsIdAndMovieWhenBuiltOnTheNextDay() {
        Map<UUID, Show.Draft> tomorrow = DemoCatalog.build(NOW.plusSeconds(86_400)).shows().stream()
                .collect(Collectors.toMap(Show.Draft::id, Function.identity()));

        List<Show.Draft> shared = DEMO.shows().stream().filter(show -> tomorrow.containsKey(show.id())).toList();

        assertThat(shared).hasSizeGreaterThan(DEMO.shows().size() / 2);
        assertThat(shared).allSatisfy(show -> assertThat(tomorrow.get(show.id())).isEqualTo(show));
    }

    @Test
    void givesEveryEntityItsOwnId() {
        assertThat(ids(DEMO.cities(), City::id)).doesNotHaveDuplicates();
        assertThat(ids(DEMO.cinemas(), Cinema::id)).doesNotHaveDuplicates();
        assertThat(ids(DEMO.halls(), Hall::id)).doesNotHaveDuplicates();
        assertThat(ids(DEMO.movies(), Movie::id)).doesNotHaveDuplicates();
        assertThat(ids(DEMO.shows(), Show.Draft::id)).doesNotHaveDuplicates();
    }

    @Test
    void hasAtLeastTenRealCitiesInSeveralCountriesWithTheirTimeZones() {
        assertThat(DEMO.cities()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(DEMO.cities().stream().map(City::country).distinct()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(DEMO.cities()).extracting(City::name).contains("Amsterdam", "London", "New York", "Mumbai", "Tokyo");
        assertThat(DEMO.cities()).allSatisfy(city -> {
            assertThat(city.latitude()).isBetween(-90.0, 90.0);
            assertThat(city.longitude()).isBetween(-180.0, 180.0);
            assertThat(ZoneId.of(city.timeZone()).getId()).isEqualTo(city.timeZone()).isNotEqualTo("UTC");
        });
        City tokyo = city("Tokyo");
        assertThat(tokyo.latitude()).isCloseTo(35.69, offset(0.1));
        assertThat(tokyo.longitude()).isCloseTo(139.69, offset(0.1));
    }

    @Test
    void hasFortyCinemasNearTheirCityCentresWithLocalPostalCodes() {
        Map<UUID, City> cities = DEMO.cities().stream().collect(Collectors.toMap(City::id, Function.identity()));

        assertThat(DEMO.cinemas()).hasSize(40);
        assertThat(DEMO.cinemas()).allSatisfy(cinema -> {
            City city = cities.get(cinema.cityId());
            assertThat(city).isNotNull();
            assertThat(kilometres(city.latitude(), city.longitude(), cinema.latitude(), cinema.longitude()))
                    .as(cinema.name()).isLessThan(8);
            assertThat(cinema.postalCode()).as(cinema.name()).matches(POSTAL_CODES.get(city.country()));
            assertThat(cinema.address()).matches(".*\\d.*");
        });
        assertThat(DEMO.cinemas().stream().map(Cinema::cityId).distinct()).hasSameSizeAs(DEMO.cities());
    }

    @Test
    void hasTwoToFourHallsOf80To400SeatsPerCinemaAndOneOf2000() {
        Map<UUID, List<Hall>> hallsByCinema = DEMO.halls().stream().collect(Collectors.groupingBy(Hall::cinemaId));

        assertThat(hallsByCinema).hasSize(40);
        assertThat(hallsByCinema.values()).allSatisfy(halls -> assertThat(halls).hasSizeBetween(2, 4));
        List<Hall> large = DEMO.halls().stream().filter(hall -> hall.layout().seatCount() > 400).toList();
        assertThat(large).singleElement().satisfies(hall -> assertThat(hall.layout().seatCount()).isEqualTo(2_000));
        assertThat(DEMO.halls()).filteredOn(hall -> !large.contains(hall))
                .allSatisfy(hall -> assertThat(hall.layout().seatCount()).isBetween(80, 400));
        assertThat(DEMO.halls()).allSatisfy(hall -> assertThat(hall.layout().validated()).isNotNull());
    }

    @Test
    void usesEverySeatTypeWithAccessibleSeatsAtTheEndsOfTheBackRow() {
        assertThat(DEMO.halls().stream().flatMap(hall -> hall.layout().seatTypes().stream())
                .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(SeatType.class));
        assertThat(DEMO.halls()).allSatisfy(hall -> {
            SeatLayout layout = hall.layout();
            assertThat(layout.seatTypes()).contains(SeatType.REGULAR, SeatType.PREMIUM, SeatType.ACCESSIBLE);
            SeatLayout.Row back = layout.rows().getLast();
            assertThat(back.seats().getFirst().type()).isEqualTo(SeatType.ACCESSIBLE);
            assertThat(back.seats().getLast().type()).isEqualTo(SeatType.ACCESSIBLE);
            assertThat(layout.rows().subList(0, layout.rows().size() - 1))
                    .allSatisfy(row -> assertThat(row.seats()).noneMatch(seat -> seat.type() == SeatType.ACCESSIBLE));
        });
    }

    @Test
    void hasThirtyWellKnownMoviesIncludingInception() {
        assertThat(DEMO.movies()).hasSize(30);
        assertThat(DEMO.movies()).extracting(Movie::title).doesNotHaveDuplicates().contains("Inception");
        assertThat(DEMO.movies().stream().map(Movie::language).distinct()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(DEMO.movies()).allSatisfy(movie -> {
            assertThat(movie.description()).isNotBlank().endsWith(".");
            assertThat(movie.durationMinutes()).isBetween(80, 200);
            assertThat(movie.cast()).isNotEmpty();
            assertThat(movie.rating()).isNotBlank();
            assertThat(movie.releaseDate()).isBefore(LocalDate.of(2025, 1, 1));
        });
        Movie inception = DEMO.movies().stream().filter(movie -> movie.title().equals("Inception")).findFirst()
                .orElseThrow();
        assertThat(inception.durationMinutes()).isEqualTo(148);
        assertThat(inception.cast()).contains("Leonardo DiCaprio");
    }

    @Test
    void schedulesShowsInEveryHallOnEachOfTheNextSevenLocalDays() {
        Map<UUID, ZoneId> zoneOfHall = zoneOfHall();
        Map<UUID, Set<LocalDate>> datesByHall = DEMO.shows().stream().collect(Collectors.groupingBy(Show.Draft::hallId,
                Collectors.mapping(show -> LocalDate.ofInstant(show.startsAt(), zoneOfHall.get(show.hallId())),
                        Collectors.toSet())));

        assertThat(datesByHall).hasSameSizeAs(DEMO.halls());
        datesByHall.forEach((hallId, dates) -> {
            LocalDate today = LocalDate.ofInstant(NOW, zoneOfHall.get(hallId));
            assertThat(dates).containsExactlyInAnyOrderElementsOf(
                    Stream.iterate(today, date -> date.plusDays(1)).limit(7).toList());
        });
        assertThat(DEMO.shows()).hasSize(DEMO.halls().size() * DemoCatalog.DAYS * DemoCatalog.SHOWS_PER_DAY);
    }

    @Test
    void startsShowsAtRealisticLocalTimesOnTheQuarterHour() {
        Map<UUID, ZoneId> zoneOfHall = zoneOfHall();
        assertThat(DEMO.shows()).allSatisfy(show -> {
            LocalTime local = show.startsAt().atZone(zoneOfHall.get(show.hallId())).toLocalTime();
            assertThat(local).isBetween(LocalTime.of(10, 0), LocalTime.of(23, 59));
            assertThat(local.getMinute() % 15).isZero();
        });
    }

    @Test
    void neverOverlapsTwoShowsInAHallAndLeavesTimeToClean() {
        assertNoOverlaps(DEMO);
    }

    @Test
    void pricesEverySeatTypeOfTheHallInTheCountrysCurrency() {
        Map<UUID, Hall> halls = DEMO.halls().stream().collect(Collectors.toMap(Hall::id, Function.identity()));
        Map<UUID, String> currencyOfHall = currencyOfHall();

        assertThat(DEMO.shows()).allSatisfy(show -> {
            assertThat(show.prices()).extracting(Show.Price::seatType)
                    .containsExactlyInAnyOrderElementsOf(halls.get(show.hallId()).layout().seatTypes());
            assertThat(show.prices()).allSatisfy(price -> {
                assertThat(price.currency()).isEqualTo(currencyOfHall.get(show.hallId()));
                assertThat(price.price()).isPositive().isLessThanOrEqualTo(new BigDecimal("100000"));
                assertThat(price.price().scale()).isLessThanOrEqualTo(2);
            });
        });
        assertThat(DEMO.shows().stream().flatMap(show -> show.prices().stream()).map(Show.Price::currency).distinct())
                .contains("EUR", "GBP", "USD", "INR", "JPY");
    }

    @Test
    void chargesMoreForBetterSeats() {
        Show.Draft show = DEMO.shows().stream().filter(draft -> draft.prices().size() == 4).findFirst().orElseThrow();
        Map<SeatType, BigDecimal> prices = show.prices().stream()
                .collect(Collectors.toMap(Show.Price::seatType, Show.Price::price));

        assertThat(prices.get(SeatType.PREMIUM)).isGreaterThan(prices.get(SeatType.REGULAR));
        assertThat(prices.get(SeatType.VIP)).isGreaterThan(prices.get(SeatType.PREMIUM));
    }

    static void assertNoOverlaps(CatalogDescription catalog) {
        Map<UUID, Integer> minutes = catalog.movies().stream()
                .collect(Collectors.toMap(Movie::id, Movie::durationMinutes));
        catalog.shows().stream().collect(Collectors.groupingBy(Show.Draft::hallId)).forEach((hallId, shows) -> {
            List<Show.Draft> ordered = shows.stream().sorted(Comparator.comparing(Show.Draft::startsAt)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                Show.Draft previous = ordered.get(i - 1);
                Instant free = previous.startsAt().plusSeconds(60L * (minutes.get(previous.movieId()) + 20));
                assertThat(ordered.get(i).startsAt()).as("show after %s in hall %s", previous.startsAt(), hallId)
                        .isAfterOrEqualTo(free);
            }
        });
    }

    private static Map<UUID, ZoneId> zoneOfHall() {
        Map<UUID, City> cities = DEMO.cities().stream().collect(Collectors.toMap(City::id, Function.identity()));
        Map<UUID, UUID> cityOfCinema = DEMO.cinemas().stream().collect(Collectors.toMap(Cinema::id, Cinema::cityId));
        return DEMO.halls().stream().collect(Collectors.toMap(Hall::id,
                hall -> ZoneId.of(cities.get(cityOfCinema.get(hall.cinemaId())).timeZone())));
    }

    private static Map<UUID, String> currencyOfHall() {
        Map<UUID, City> cities = DEMO.cities().stream().collect(Collectors.toMap(City::id, Function.identity()));
        Map<UUID, UUID> cityOfCinema = DEMO.cinemas().stream().collect(Collectors.toMap(Cinema::id, Cinema::cityId));
        return DEMO.halls().stream().collect(Collectors.toMap(Hall::id,
                hall -> Country.of(cities.get(cityOfCinema.get(hall.cinemaId())).country()).currency()));
    }

    private static City city(String name) {
        return DEMO.cities().stream().filter(city -> city.name().equals(name)).findFirst().orElseThrow();
    }

    private static <T> List<UUID> ids(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).toList();
    }

    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(a));
    }

    /** The catalog as JSON, every field of every entity in it: two catalogs are the same when these are. */
    static String asJson(CatalogDescription catalog) {
        return JsonMapper.shared().writeValueAsString(catalog);
    }
}
