package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatType;

class CatalogGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-03-27T21:45:00Z");
    private static final CatalogGenerator.Settings SMALL = new CatalogGenerator.Settings(7, 3, 2, 120, 5, 3, 7);

    @Test
    void generatesTheSeedNotesEstimateByDefault() {
        CatalogDescription catalog = CatalogGenerator.generate(CatalogGenerator.Settings.DEFAULTS, NOW);

        assertThat(CatalogGenerator.Settings.DEFAULTS.shows()).isEqualTo(10_000);
        assertThat(catalog.cities()).hasSize(500);
        assertThat(catalog.cinemas()).hasSize(5_000);
        assertThat(catalog.halls()).hasSize(5_000)
                .allSatisfy(hall -> assertThat(hall.layout().seatCount()).isEqualTo(50));
        assertThat(catalog.shows()).hasSize(10_000);
        assertThat(catalog.movies()).hasSize(30);
    }

    @Test
    void generatesExactlyTheRequestedCounts() {
        CatalogDescription catalog = CatalogGenerator.generate(SMALL, NOW);

        assertThat(catalog.cities()).hasSize(7);
        assertThat(catalog.cinemas()).hasSize(21);
        assertThat(catalog.halls()).hasSize(42)
                .allSatisfy(hall -> assertThat(hall.layout().seatCount()).isEqualTo(120));
        assertThat(catalog.shows()).hasSize((int) SMALL.shows()).hasSize(42 * 5 * 3);
        assertThat(catalog.shows().stream().collect(Collectors.groupingBy(Show.Draft::hallId, Collectors.counting())))
                .hasSize(42).allSatisfy((hall, shows) -> assertThat(shows).isEqualTo(15));
    }

    @Test
    void isDeterministicForTheSameSettingsAndDifferentForAnotherSeed() {
        CatalogDescription catalog = CatalogGenerator.generate(SMALL, NOW);
        var otherSeed = new CatalogGenerator.Settings(7, 3, 2, 120, 5, 3, 8);

        assertThat(DemoCatalogTest.asJson(CatalogGenerator.generate(SMALL, NOW)))
                .isEqualTo(DemoCatalogTest.asJson(catalog));
        assertThat(CatalogGenerator.generate(otherSeed, NOW).cities()).extracting(City::id)
                .doesNotContainAnyElementsOf(catalog.cities().stream().map(City::id).toList());
    }

    @Test
    void sharesTheDemoMovies() {
        assertThat(CatalogGenerator.generate(SMALL, NOW).movies()).isEqualTo(DemoMovies.ALL);
    }

    @Test
    void spreadsCitiesOverTheGlobeWithRealTimeZonesAndUniqueNames() {
        CatalogDescription catalog = CatalogGenerator.generate(CatalogGenerator.Settings.DEFAULTS, NOW);

        assertThat(catalog.cities().stream().map(City::timeZone).distinct()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(catalog.cities().stream().map(City::country).distinct()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.cities()).allSatisfy(city -> {
            assertThat(city.latitude()).isBetween(-60.0, 70.0);
            assertThat(city.longitude()).isBetween(-180.0, 180.0);
            assertThat(ZoneId.of(city.timeZone()).getId()).isEqualTo(city.timeZone());
        });
        assertThat(catalog.cities()).extracting(city -> city.country() + "/" + city.name()).doesNotHaveDuplicates();
        assertThat(catalog.cities()).filteredOn(city -> city.latitude() < 0).isNotEmpty();
        assertThat(catalog.cities()).filteredOn(city -> city.longitude() < -30).isNotEmpty();
        assertThat(catalog.cities()).filteredOn(city -> city.longitude() > 100).isNotEmpty();
    }

    @Test
    void putsCinemasWithinAFewKilometresOfTheirCity() {
        CatalogDescription catalog = CatalogGenerator.generate(SMALL, NOW);
        Map<UUID, City> cities = catalog.cities().stream().collect(Collectors.toMap(City::id, Function.identity()));

        assertThat(catalog.cinemas()).allSatisfy(cinema -> {
            City city = cities.get(cinema.cityId());
            assertThat(DemoCatalogTest.kilometres(city.latitude(), city.longitude(), cinema.latitude(),
                    cinema.longitude())).isLessThan(7);
            assertThat(cinema.postalCode()).isNotBlank();
            assertThat(cinema.address()).matches(".*\\d.*");
        });
        assertThat(catalog.cinemas()).extracting(Cinema::name).doesNotHaveDuplicates();
    }

    @Test
    void startsEveryShowTomorrowOrLaterInItsCitysTimeZone() {
        CatalogDescription catalog = CatalogGenerator.generate(SMALL, NOW);
        Map<UUID, String> zoneOfHall = zoneOfHall(catalog);

        assertThat(catalog.shows()).allSatisfy(show -> {
            assertThat(show.startsAt()).isAfter(NOW);
            ZoneId zone = ZoneId.of(zoneOfHall.get(show.hallId()));
            assertThat(LocalDate.ofInstant(show.startsAt(), zone)).isAfter(LocalDate.ofInstant(NOW, zone));
        });
    }

    @Test
    void neverOverlapsShowsEvenWithTenADay() {
        var busy = new CatalogGenerator.Settings(3, 2, 2, 30, 10, 2, 1);

        CatalogDescription catalog = CatalogGenerator.generate(busy, NOW);

        assertThat(catalog.shows()).hasSize(3 * 2 * 2 * 10 * 2);
        DemoCatalogTest.assertNoOverlaps(catalog);
        DemoCatalogTest.assertNoOverlaps(CatalogGenerator.generate(SMALL, NOW));
    }

    @Test
    void pricesEverySeatTypeOfTheSmallHalls() {
        CatalogDescription catalog = CatalogGenerator.generate(CatalogGenerator.Settings.DEFAULTS, NOW);
        Hall hall = catalog.halls().getFirst();

        assertThat(hall.layout().seatTypes()).contains(SeatType.REGULAR, SeatType.PREMIUM, SeatType.ACCESSIBLE);
        assertThat(catalog.shows()).allSatisfy(show -> {
            assertThat(show.prices()).extracting(Show.Price::seatType)
                    .containsExactlyInAnyOrderElementsOf(hall.layout().seatTypes());
            assertThat(show.prices().stream().map(Show.Price::currency).distinct()).hasSize(1);
        });
    }

    @Test
    void refusesSettingsThatCannotMakeACatalog() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogGenerator.Settings(0, 1, 1, 50, 2, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogGenerator.Settings(1, 1, 1, 50, 11, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogGenerator.Settings(1, 1, 1, 60_001, 2, 1, 1));
    }

    @Test
    void bindsItsPropertiesWithTheSameDefaults() {
        GenerateProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("ticketing.catalog.generate", GenerateProperties.class);

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.settings()).isEqualTo(CatalogGenerator.Settings.DEFAULTS);
    }

    @Test
    void bindsItsPropertiesFromKebabCaseKeys() {
        var source = new MapConfigurationPropertySource(Map.of("ticketing.catalog.generate.cities", "3",
                "ticketing.catalog.generate.cinemas-per-city", "4", "ticketing.catalog.generate.seats-per-hall", "80",
                "ticketing.catalog.generate.seed", "9"));

        GenerateProperties properties = new Binder(source).bindOrCreate("ticketing.catalog.generate",
                GenerateProperties.class);

        assertThat(properties.settings()).isEqualTo(new CatalogGenerator.Settings(3, 4, 1, 80, 2, 1, 9));
    }

    private static Map<UUID, String> zoneOfHall(CatalogDescription catalog) {
        Map<UUID, City> cities = catalog.cities().stream().collect(Collectors.toMap(City::id, Function.identity()));
        Map<UUID, UUID> cityOfCinema = catalog.cinemas().stream().collect(Collectors.toMap(Cinema::id, Cinema::cityId));
        return catalog.halls().stream().collect(Collectors.toMap(Hall::id,
                hall -> cities.get(cityOfCinema.get(hall.cinemaId())).timeZone()));
    }
}
