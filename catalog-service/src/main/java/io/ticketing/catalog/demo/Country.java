package io.ticketing.catalog.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.ticketing.catalog.show.Show;
import io.ticketing.catalog.venue.SeatType;

/**
 * What a country contributes to a plausible catalog: its currency and ticket prices, what its cinemas
 * call a hall, the shape of its postal codes and how it writes street addresses.
 *
 * @param regularPrice  an evening ticket for a regular seat
 * @param priceStep     prices are rounded to multiples of this (0.50 EUR, 10 INR, 100 JPY)
 * @param postalPattern {@code D} a digit, {@code N} a digit 1-9, {@code L} a capital letter, anything else as is
 * @param numberFirst   "12 Main Street" rather than "Hauptstraße 12"
 */
record Country(String code, String currency, BigDecimal regularPrice, BigDecimal priceStep, String hallWord,
        String postalPattern, boolean numberFirst) {

    private static final Map<SeatType, BigDecimal> SEAT_FACTORS = new EnumMap<>(Map.of(
            SeatType.REGULAR, BigDecimal.ONE,
            SeatType.PREMIUM, new BigDecimal("1.25"),
            SeatType.VIP, new BigDecimal("1.75"),
            SeatType.ACCESSIBLE, BigDecimal.ONE));
    private static final BigDecimal MATINEE = new BigDecimal("0.80");
    private static final BigDecimal LARGE_FORMAT = new BigDecimal("1.40");

    static final List<Country> ALL = List.of(
            country("NL", "EUR", "12.50", "0.50", "Zaal", "NDDD LL", false),
            country("DE", "EUR", "11.50", "0.50", "Saal", "DDDDD", false),
            country("FR", "EUR", "11.00", "0.50", "Salle", "NDDDD", true),
            country("ES", "EUR", "9.00", "0.50", "Sala", "DDDDD", false),
            country("GB", "GBP", "12.00", "0.50", "Screen", "LLN NLL", true),
            country("US", "USD", "15.00", "0.50", "Theater", "NDDDD", true),
            country("CA", "CAD", "14.00", "0.50", "Screen", "LDL DLD", true),
            country("IN", "INR", "250", "10", "Audi", "NDDDDD", true),
            country("JP", "JPY", "2000", "100", "Screen", "NDD-DDDD", true),
            country("AU", "AUD", "22.00", "0.50", "Cinema", "NDDD", true),
            country("BR", "BRL", "32", "1", "Sala", "NDDDD-DDD", false),
            country("MX", "MXN", "90", "5", "Sala", "NDDDD", false),
            country("AR", "ARS", "6000", "100", "Sala", "LNDDDLLL", false),
            country("ZA", "ZAR", "110", "5", "Cinema", "NDDD", true),
            country("NG", "NGN", "5000", "100", "Screen", "NDDDDD", true),
            country("EG", "EGP", "150", "5", "Screen", "NDDDD", true),
            country("TR", "TRY", "250", "5", "Salon", "NDDDD", false),
            country("KR", "KRW", "15000", "1000", "Screen", "NDDDD", false),
            country("SG", "SGD", "14.50", "0.50", "Hall", "NDDDDD", true),
            country("ID", "IDR", "45000", "5000", "Studio", "NDDDD", false),
            country("PL", "PLN", "32", "1", "Sala", "ND-DDD", false),
            country("SE", "SEK", "150", "5", "Salong", "NDD DD", false));

    static Country of(String code) {
        return ALL.stream().filter(country -> country.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo data for country " + code));
    }

    /**
     * One price per seat type of the hall, in this country's currency: matinees (before 14:00 local time)
     * are cheaper, large-format halls dearer.
     */
    List<Show.Price> prices(Set<SeatType> seatTypes, boolean matinee, boolean largeFormat) {
        return seatTypes.stream().sorted(Comparator.naturalOrder())
                .map(type -> new Show.Price(type, price(type, matinee, largeFormat), currency))
                .toList();
    }

    private BigDecimal price(SeatType type, boolean matinee, boolean largeFormat) {
        BigDecimal amount = regularPrice.multiply(SEAT_FACTORS.get(type));
        if (matinee) {
            amount = amount.multiply(MATINEE);
        }
        if (largeFormat) {
            amount = amount.multiply(LARGE_FORMAT);
        }
        return amount.divide(priceStep, 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).multiply(priceStep)
                .setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** A postal code in this country's format. */
    String postalCode(Random random) {
        var code = new StringBuilder();
        for (char c : postalPattern.toCharArray()) {
            code.append(switch (c) {
                case 'D' -> (char) ('0' + random.nextInt(10));
                case 'N' -> (char) ('1' + random.nextInt(9));
                case 'L' -> (char) ('A' + random.nextInt(26));
                default -> c;
            });
        }
        return code.toString();
    }

    String address(String street, int number) {
        return numberFirst ? number + " " + street : street + " " + number;
    }

    private static Country country(String code, String currency, String regularPrice, String priceStep,
            String hallWord, String postalPattern, boolean numberFirst) {
        return new Country(code, currency, new BigDecimal(regularPrice), new BigDecimal(priceStep), hallWord,
                postalPattern, numberFirst);
    }
}
