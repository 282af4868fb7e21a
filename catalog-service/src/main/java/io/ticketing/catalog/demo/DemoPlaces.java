package io.ticketing.catalog.demo;

import java.util.List;

/**
 * The demo's cities with their true centre coordinates and time zones, and 40 cinemas in them: invented
 * names on real streets, coordinates of the neighbourhood they stand in, postal codes of that
 * neighbourhood.
 */
final class DemoPlaces {

    record Place(String name, String country, double latitude, double longitude, String timeZone,
            List<Site> cinemas) {
    }

    record Site(String name, String address, String postalCode, double latitude, double longitude) {
    }

    /** The cinema whose big hall is the demo's 2,000-seat large-format screen. */
    static final String LARGE_FORMAT_CINEMA = "Luma Leicester Square";

    static final List<Place> CITIES = List.of(
            new Place("Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam", List.of(
                    new Site("Luma Leidseplein", "Leidseplein 12", "1017 PT", 52.3641, 4.8829),
                    new Site("Silver Screen Noord", "Buiksloterweg 83", "1031 CC", 52.3843, 4.9008),
                    new Site("Filmhuis De Pijp", "Ferdinand Bolstraat 140", "1072 LN", 52.3547, 4.8920))),
            new Place("Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", List.of(
                    new Site("Luma Potsdamer Platz", "Potsdamer Straße 4", "10785", 52.5096, 13.3736),
                    new Site("Kino Oranienstraße", "Oranienstraße 28", "10999", 52.5010, 13.4200),
                    new Site("Silver Screen Alexanderplatz", "Rathausstraße 13", "10178", 52.5210, 13.4110))),
            new Place("Paris", "FR", 48.8566, 2.3522, "Europe/Paris", List.of(
                    new Site("Luma Odéon", "120 Boulevard Saint-Germain", "75006", 48.8519, 2.3390),
                    new Site("Cinéma Bastille", "5 Rue du Faubourg Saint-Antoine", "75011", 48.8532, 2.3707),
                    new Site("Silver Screen Montparnasse", "36 Boulevard du Montparnasse", "75015", 48.8437, 2.3210),
                    new Site("Le Grand Écran Bercy", "2 Cour Saint-Émilion", "75012", 48.8331, 2.3860))),
            new Place("Madrid", "ES", 40.4168, -3.7038, "Europe/Madrid", List.of(
                    new Site("Cines Gran Vía", "Gran Vía 66", "28013", 40.4224, -3.7100),
                    new Site("Luma Chamberí", "Calle de Fuencarral 136", "28010", 40.4320, -3.7020),
                    new Site("Silver Screen Retiro", "Calle de O'Donnell 34", "28009", 40.4228, -3.6760))),
            new Place("London", "GB", 51.5074, -0.1278, "Europe/London", List.of(
                    new Site(LARGE_FORMAT_CINEMA, "22 Leicester Square", "WC2H 7LE", 51.5103, -0.1301),
                    new Site("Silver Screen Islington", "15 Upper Street", "N1 0PQ", 51.5361, -0.1036),
                    new Site("Southbank Picture House", "48 Belvedere Road", "SE1 8XX", 51.5049, -0.1160),
                    new Site("Electric Brixton Cinema", "7 Coldharbour Lane", "SW9 8HE", 51.4620, -0.1140),
                    new Site("Shoreditch Screen", "81 Curtain Road", "EC2A 3AY", 51.5250, -0.0800))),
            new Place("New York", "US", 40.7128, -74.0060, "America/New_York", List.of(
                    new Site("Luma Times Square", "234 West 42nd Street", "10036", 40.7566, -73.9883),
                    new Site("Silver Screen Union Square", "850 Broadway", "10003", 40.7340, -73.9910),
                    new Site("Tribeca Picture House", "54 Varick Street", "10013", 40.7210, -74.0060),
                    new Site("Brooklyn Heights Cinema", "70 Henry Street", "11201", 40.6990, -73.9930),
                    new Site("Orchard Street Screens", "181 Orchard Street", "10002", 40.7220, -73.9880))),
            new Place("Los Angeles", "US", 34.0522, -118.2437, "America/Los_Angeles", List.of(
                    new Site("Luma Downtown LA", "800 West Olympic Boulevard", "90015", 34.0450, -118.2650),
                    new Site("Silver Screen Little Tokyo", "355 East 1st Street", "90012", 34.0500, -118.2390),
                    new Site("Echo Park Cinema", "1700 Sunset Boulevard", "90026", 34.0780, -118.2610))),
            new Place("Toronto", "CA", 43.6532, -79.3832, "America/Toronto", List.of(
                    new Site("Luma Queen West", "580 Queen Street West", "M5V 2B5", 43.6475, -79.4030),
                    new Site("Silver Screen Yonge-Dundas", "10 Dundas Street East", "M5B 2G9", 43.6561, -79.3802))),
            new Place("Mumbai", "IN", 19.0760, 72.8777, "Asia/Kolkata", List.of(
                    new Site("Luma BKC", "C-66, G Block, Bandra Kurla Complex", "400051", 19.0660, 72.8650),
                    new Site("Silver Screen Andheri", "92 Andheri-Kurla Road, Andheri East", "400059", 19.1136,
                            72.8697),
                    new Site("Chitra Talkies Ghatkopar", "144 LBS Marg, Ghatkopar West", "400086", 19.0860, 72.9081),
                    new Site("Luma Powai", "12 Central Avenue, Hiranandani Gardens, Powai", "400076", 19.1176,
                            72.9060))),
            new Place("Bengaluru", "IN", 12.9716, 77.5946, "Asia/Kolkata", List.of(
                    new Site("Luma Brigade Road", "58 Brigade Road", "560025", 12.9719, 77.6070),
                    new Site("Silver Screen Koramangala", "21 80 Feet Road, Koramangala 4th Block", "560034", 12.9352,
                            77.6245))),
            new Place("Tokyo", "JP", 35.6895, 139.6917, "Asia/Tokyo", List.of(
                    new Site("Luma Shinjuku", "3-15-15 Shinjuku, Shinjuku-ku", "160-0022", 35.6920, 139.7040),
                    new Site("Silver Screen Shibuya", "2-24-12 Shibuya, Shibuya-ku", "150-0002", 35.6590, 139.7030),
                    new Site("Luma Ikebukuro", "1-30-3 Higashi-Ikebukuro, Toshima-ku", "170-0013", 35.7300, 139.7150))),
            new Place("Sydney", "AU", -33.8688, 151.2093, "Australia/Sydney", List.of(
                    new Site("Luma George Street", "505 George Street", "2000", -33.8750, 151.2070),
                    new Site("Silver Screen Bondi Junction", "500 Oxford Street, Bondi Junction", "2022", -33.8915,
                            151.2500),
                    new Site("Newtown Picture Palace", "300 King Street, Newtown", "2042", -33.8970, 151.1790))));

    private DemoPlaces() {
    }
}
