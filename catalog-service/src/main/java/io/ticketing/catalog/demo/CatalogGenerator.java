package io.ticketing.catalog.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.Cinema;
import io.ticketing.catalog.venue.City;
import io.ticketing.catalog.venue.Hall;
import io.ticketing.catalog.venue.SeatLayout;
import io.ticketing.catalog.venue.SeatType;

/**
 * Synthetic catalogs of any size for load tests: invented cities scattered around 33 real metropolitan
 * areas on every continent (with those areas' countries, time zones and currencies), cinemas within a few
 * kilometres of each city centre, halls of a chosen size, and the 30 demo movies on a chosen number of
 * shows a day. Every show lies in the future: the first day is tomorrow in the city's time zone.
 *
 * <p>The same settings give the same catalog, ids included; a different seed gives a different one.
 */
public final class CatalogGenerator {

    private static final LocalTime MATINEE_UNTIL = LocalTime.of(14, 0);

    /** A real metropolitan area that generated cities are scattered around. */
    private record Anchor(String country, double latitude, double longitude, String timeZone, double spread) {
    }

    private static final List<Anchor> ANCHORS = List.of(
            new Anchor("NL", 52.37, 4.90, "Europe/Amsterdam", 0.6),
            new Anchor("US", 40.71, -74.01, "America/New_York", 0.6),
            new Anchor("IN", 19.08, 72.88, "Asia/Kolkata", 0.6),
            new Anchor("BR", -23.55, -46.63, "America/Sao_Paulo", 0.6),
            new Anchor("JP", 35.69, 139.69, "Asia/Tokyo", 0.6),
            new Anchor("GB", 51.51, -0.13, "Europe/London", 0.6),
            new Anchor("ZA", -26.20, 28.05, "Africa/Johannesburg", 0.6),
            new Anchor("US", 41.88, -87.63, "America/Chicago", 0.6),
            new Anchor("AU", -33.87, 151.21, "Australia/Sydney", 0.6),
            new Anchor("DE", 52.52, 13.40, "Europe/Berlin", 0.6),
            new Anchor("MX", 19.43, -99.13, "America/Mexico_City", 0.6),
            new Anchor("KR", 37.57, 126.98, "Asia/Seoul", 0.4),
            new Anchor("FR", 48.86, 2.35, "Europe/Paris", 0.6),
            new Anchor("NG", 6.52, 3.38, "Africa/Lagos", 0.6),
            new Anchor("US", 34.05, -118.24, "America/Los_Angeles", 0.6),
            new Anchor("IN", 28.61, 77.21, "Asia/Kolkata", 0.6),
            new Anchor("AR", -34.60, -58.38, "America/Argentina/Buenos_Aires", 0.6),
            new Anchor("ES", 40.42, -3.70, "Europe/Madrid", 0.6),
            new Anchor("ID", -6.21, 106.85, "Asia/Jakarta", 0.5),
            new Anchor("CA", 43.65, -79.38, "America/Toronto", 0.6),
            new Anchor("TR", 41.01, 28.98, "Europe/Istanbul", 0.5),
            new Anchor("EG", 30.04, 31.24, "Africa/Cairo", 0.5),
            new Anchor("SG", 1.35, 103.82, "Asia/Singapore", 0.08),
            new Anchor("PL", 52.23, 21.01, "Europe/Warsaw", 0.6),
            new Anchor("US", 39.74, -104.99, "America/Denver", 0.6),
            new Anchor("IN", 12.97, 77.59, "Asia/Kolkata", 0.6),
            new Anchor("AU", -37.81, 144.96, "Australia/Melbourne", 0.6),
            new Anchor("SE", 59.33, 18.07, "Europe/Stockholm", 0.6),
            new Anchor("JP", 34.69, 135.50, "Asia/Tokyo", 0.5),
            new Anchor("CA", 49.28, -123.12, "America/Vancouver", 0.4),
            new Anchor("DE", 48.14, 11.58, "Europe/Berlin", 0.6),
            new Anchor("FR", 45.76, 4.84, "Europe/Paris", 0.6),
            new Anchor("GB", 53.48, -2.24, "Europe/London", 0.6));

    private static final List<String> NAME_STARTS = List.of("Al", "Bel", "Cor", "Dun", "El", "Fen", "Gra", "Hal",
            "Ist", "Jor", "Kel", "Lun", "Mar", "Nor", "Os", "Pel", "Quin", "Ros", "Sel", "Tor", "Ul", "Val", "Wes",
            "Yar", "Zan");
    private static final List<String> NAME_MIDDLES = List.of("", "a", "e", "i", "o", "an", "er", "in");
    private static final List<String> NAME_ENDS = List.of("burg", "ford", "ville", "ton", "stad", "dale", "haven",
            "mouth", "field", "port", "wick", "moor", "bridge", "by", "holm", "minster");
    private static final List<String> BRANDS = List.of("Luma", "Silver Screen", "Starlight", "Rialto", "Odyssey",
            "Paragon", "Lumière", "Capitol");
    private static final List<String> DISTRICTS = List.of("Central", "Riverside", "Old Town", "Harbour", "Station",
            "Market", "University", "Park", "North", "South", "East", "West");
    private static final List<String> STREETS = List.of("Main Street", "Station Road", "Market Square", "River Lane",
            "Park Avenue", "High Street", "Church Street", "Mill Road", "King Street", "Harbour Road", "Cinema Row",
            "Theatre Lane", "Bridge Street", "Garden Avenue");

    /**
     * What to generate. Defaults: the seed notes' estimate of 500 cities with 10 cinemas each and 2 shows a
     * day, in one small hall per cinema, for one day: 10,000 shows of 50 seats. Halls stay small because
     * every show becomes a seat map in reservation-service and a row per seat in booking-service.
     */
    public record Settings(int cities, int cinemasPerCity, int hallsPerCinema, int seatsPerHall, int showsPerDay,
            int days, long seed) {

        public static final Settings DEFAULTS = new Settings(500, 10, 1, 50, 2, 1, 42);

        public Settings {
            positive("cities", cities);
            positive("cinemas per city", cinemasPerCity);
            positive("halls per cinema", hallsPerCinema);
            positive("seats per hall", seatsPerHall);
            positive("shows per day", showsPerDay);
            positive("days", days);
            if (seatsPerHall > SeatLayout.MAX_SEATS) {
                throw new IllegalArgumentException("A hall has at most " + SeatLayout.MAX_SEATS + " seats");
            }
            if (hallsPerCinema > 99 || showsPerDay > 10 || days > 365) {
                throw new IllegalArgumentException(
                        "At most 99 halls per cinema, 10 shows a day (they must fit into one day) and 365 days");
            }
        }

        public long shows() {
            return (long) cities * cinemasPerCity * hallsPerCinema * showsPerDay * days;
        }

        private static void positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
        }
    }

    private CatalogGenerator() {
    }

    /** @param now decides "tomorrow" in each city's time zone, the first day with shows */
    public static CatalogDescription generate(Settings settings, Instant now) {
        long seed = settings.seed();
        SeatLayout layout = HallLayouts.withSeats(settings.seatsPerHall());
        Set<SeatType> seatTypes = layout.seatTypes();
        Set<String> cityNames = new HashSet<>();
        List<City> cities = new ArrayList<>(settings.cities());
        List<Cinema> cinemas = new ArrayList<>();
        List<Hall> halls = new ArrayList<>();
        List<Show.Draft> shows = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, settings.shows()));
        for (int c = 0; c < settings.cities(); c++) {
            Anchor anchor = ANCHORS.get(c % ANCHORS.size());
            Country country = Country.of(anchor.country());
            ZoneId zone = ZoneId.of(anchor.timeZone());
            Random random = StableIds.random(seed, "generated", "city", c);
            double latitude = anchor.latitude() + (random.nextDouble() * 2 - 1) * anchor.spread();
            double longitude = anchor.longitude()
                    + (random.nextDouble() * 2 - 1) * anchor.spread() / Math.cos(Math.toRadians(latitude));
            var city = new City(StableIds.of("generated", seed, "city", c), cityName(random, country, cityNames),
                    country.code(), round(latitude), round(longitude), anchor.timeZone());
            cities.add(city);
            for (int m = 0; m < settings.cinemasPerCity(); m++) {
                Cinema cinema = cinema(seed, city, country, c, m);
                cinemas.add(cinema);
                for (int h = 0; h < settings.hallsPerCinema(); h++) {
                    var hall = new Hall(StableIds.of("generated", seed, "hall", c, m, h), cinema.id(),
                            country.hallWord() + " " + (h + 1), layout);
                    halls.add(hall);
                    Duration stagger = Duration.ofMinutes(15L * (h % 4));
                    for (int day = 1; day <= settings.days(); day++) {
                        LocalDate date = LocalDate.ofInstant(now, zone).plusDays(day);
                        Random programme = StableIds.random(seed, "generated", "programme", hall.id(), date);
                        for (ShowTimes.Slot slot : ShowTimes.forDay(date, zone, settings.showsPerDay(), stagger,
                                DemoMovies.ALL, programme)) {
                            shows.add(DemoCatalog.draft(hall, slot, country.prices(seatTypes,
                                    slot.startsAt().toLocalTime().isBefore(MATINEE_UNTIL), false)));
                        }
                    }
                }
            }
        }
        return new CatalogDescription(cities, cinemas, halls, DemoMovies.ALL, shows);
    }

    private static Cinema cinema(long seed, City city, Country country, int c, int m) {
        Random random = StableIds.random(seed, "generated", "cinema", c, m);
        String district = DISTRICTS.get(m % DISTRICTS.size())
                + (m < DISTRICTS.size() ? "" : " " + (m / DISTRICTS.size() + 1));
        String name = BRANDS.get(random.nextInt(BRANDS.size())) + " " + city.name() + " " + district;
        // within 6 km of the centre
        double distanceKm = Math.sqrt(random.nextDouble()) * 6;
        double bearing = random.nextDouble() * 2 * Math.PI;
        double latitude = city.latitude() + distanceKm * Math.cos(bearing) / 111.2;
        double longitude = city.longitude()
                + distanceKm * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(city.latitude())));
        String address = country.address(STREETS.get(random.nextInt(STREETS.size())), 1 + random.nextInt(250));
        return new Cinema(StableIds.of("generated", seed, "cinema", c, m), city.id(), name, address,
                country.postalCode(random), round(latitude), round(longitude));
    }

    /** An invented name, unique within its country (city names are unique per country in the catalog). */
    private static String cityName(Random random, Country country, Set<String> taken) {
        String name = NAME_STARTS.get(random.nextInt(NAME_STARTS.size()))
                + NAME_MIDDLES.get(random.nextInt(NAME_MIDDLES.size()))
                + NAME_ENDS.get(random.nextInt(NAME_ENDS.size()));
        String unique = name;
        for (int n = 2; !taken.add(country.code() + "/" + unique); n++) {
            unique = name + " " + n;
        }
        return unique;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
