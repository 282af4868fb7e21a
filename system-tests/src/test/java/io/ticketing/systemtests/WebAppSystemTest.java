package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.mailsTo;
import static io.ticketing.systemtests.Platform.session;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The web app in a real browser (Debian's Chromium), on the running platform, as customers use it: a purchase end to
 * end with the tickets shown, two browsers seeing each other's holds live, the waiting line's offer, problems shown in
 * words; with axe-core's accessibility rules on each page and the seat map's render time printed.
 */
@Order(3)
class WebAppSystemTest {

    private static final Pattern SIGN_IN_CODE = Pattern.compile("Your sign-in code: (\\d{6})");

    @BeforeAll
    static void platform() throws Exception {
        LocalStackProcess.shared();
    }

    @Test
    void aCustomerFindsAShowPicksTwoSeatsSignsInWithAMailedCodePaysAndSeesTheirTickets() throws Exception {
        String showId = showOnSale("Paddington", 4, 8, new BigDecimal("11.50"), Duration.ofDays(3));
        String email = "web." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String tag = tagged("Paddington", showId).replace("Paddington ", "");
        String misspelled = "Padingtn " + tag;
        await().atMost(Duration.ofSeconds(30)).until(() -> Platform.CLIENT.get("/api/v1/search?spellcheck=true&keyword="
                + URLEncoder.encode(misspelled, StandardCharsets.UTF_8)).json().path("total").asInt() == 1);
        String drawn;
        try (var browser = Browser.phone()) {
            // found by a misspelled title, with the spelling suggested
            browser.open("/#/search?q=" + URLEncoder.encode(misspelled, StandardCharsets.UTF_8));
            assertThat(browser.awaitText(".suggestion", "Did you mean").getText()).contains("paddington " + tag);
            browser.click("a[href='#/show/" + showId + "']");
            browser.await("button.seat[data-seat='B4']");
            assertThat(browser.accessibilityViolations()).as("the seat map on a phone").isEmpty();
            browser.click("button.seat[data-seat='B4']").click("button.seat[data-seat='B5']");
            assertThat(browser.text(".total")).contains("2 seats").contains("B4, B5").contains("23.00");
            browser.click("#hold-seats");

            // a hold needs a customer: sign in with the code mailed to the address, and come back to the picked seats
            browser.type("#signin-email", email).clickText("Send me a code");
            browser.await("#signin-code");
            browser.type("#signin-code", signInCode(email)).clickText("Sign in");
            browser.awaitAttribute("button.seat[data-seat='B4']", "class", "picked");
            browser.doubleClick("#hold-seats");

            browser.awaitText("h1", "Your seats are held");
            assertThat(browser.text(".seats-held")).contains("B4, B5").contains("23.00");
            assertThat(browser.text(".countdown")).matches("(?s).*Held for you for [45]:\\d\\d more.*");
            assertThat(browser.accessibilityViolations()).as("the hold page").isEmpty();
            browser.click("#pay").click("#card-succeeds");

            browser.awaitText("h1", "You are going!");
            browser.await(".ticket[data-seat='B5'] .qr canvas, .ticket[data-seat='B5'] .qr img");
            assertThat(browser.all(".ticket")).hasSize(2);
            assertThat(browser.text("main")).contains("Paddington").contains("on their way to " + email);
            assertThat(browser.accessibilityViolations()).as("the booking page").isEmpty();
            browser.screenshot("ticket", ".tickets");
            drawn = qrCodeOf(browser, ".ticket[data-seat='B5'] .qr canvas");

            browser.click("header a[href='#/bookings']");
            browser.awaitText("main", "B4, B5");
        }
        // another device of the same customer: the booking is there, and cancelled three days ahead it is refunded in full
        try (var laptop = Browser.desktop().signedInAs(session(email), email)) {
            laptop.open("/#/bookings").clickText(tagged("Paddington", showId));
            laptop.click("#cancel-booking");
            assertThat(laptop.awaitText("[role=alertdialog]", "back in full").getText()).contains("€23.00");
            laptop.click("#confirm-cancel");
            laptop.awaitText("main", "€23.00 is refunded to your card");
        }
        var customer = Platform.CLIENT.withHeader("Authorization", "Bearer " + session(email).token());
        var bookings = customer.get("/api/v1/bookings");
        assertThat(bookings.json().findValuesAsString("status")).containsExactly("CANCELLED");
        assertThat(bookings.body()).contains("\"B4\"", "\"B5\"");
        var booking = customer.get("/api/v1/bookings/" + bookings.json().get(0).path("bookingId").asString());
        try (var db = Platform.database("reservation");
                var holds = db.prepareStatement("SELECT count(*) FROM hold WHERE customer_id = ?")) {
            holds.setObject(1, session(email).customerId());
            try (var count = holds.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).as("a double click on Hold takes one hold").isEqualTo(1);
            }
        }
        assertThat(booking.json().path("tickets").valueStream()
                .filter(ticket -> ticket.path("seatId").asString().equals("B5")).findFirst().orElseThrow()
                .path("qrCode").asString()).as("the QR code drawn is the ticket's signed code").isEqualTo(drawn);
    }

    @Test
    void twoBrowsersSeeEachOthersHoldsLiveAndARaceLosesInWords() throws Exception {
        String showId = showOnSale("Roma", 8, 14, new BigDecimal("9.00"), Duration.ofDays(4));
        String anaEmail = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String benEmail = "ben." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var ana = Browser.desktop().signedInAs(session(anaEmail), anaEmail);
                var ben = Browser.desktop().signedInAs(session(benEmail), benEmail)) {
            ana.open("/#/show/" + showId).awaitText(".live", "Live");
            ben.open("/#/show/" + showId).awaitText(".live", "Live");
            assertThat(ana.accessibilityViolations()).as("the seat map").isEmpty();

            // Ben uses the keyboard: from the first seat, two to the right, and Space picks it
            ben.keys("button.seat[data-seat='A1']", Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.SPACE);
            ben.awaitAttribute("button.seat[data-seat='A3']", "aria-pressed", "true");
            ana.click("button.seat[data-seat='A3']").click("button.seat[data-seat='A4']").click("#hold-seats");
            ana.awaitText("h1", "Your seats are held");

            // Ben's map greys A3 and A4 out without a reload, drops A3 from his pick and says why
            ben.awaitAttribute("button.seat[data-seat='A4']", "class", "held");
            ben.awaitAttribute("button.seat[data-seat='A3']", "class", "held");
            ben.awaitText("main", "Just taken by someone else: A3");
            assertThat(ben.text(".total")).contains("Pick your seats");
            ben.screenshot("seat-map-live");

            // Ana lets them go: Ben sees them free again
            ana.click("#release").awaitText("main", "You released these seats");
            ben.awaitAttribute("button.seat[data-seat='A3']", "class", "seat regular available");
        }
    }

    @Test
    void aCustomerWhoseSeatsOthersHoldWaitsInLineAndGetsTheOffer() throws Exception {
        String showId = showOnSale("Up", 1, 2, new BigDecimal("7.00"), Duration.ofDays(4));
        var holder = session("holder." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();
        var held = holder.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("A1", "A2")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String waiterEmail = "waiter." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var browser = Browser.desktop().signedInAs(session(waiterEmail), waiterEmail)) {
            browser.open("/#/show/" + showId);
            browser.awaitText("#waiting-line", "held by others");
            browser.type("#waiting-seats", "2").clickText("Join the waiting line");
            browser.awaitText(".position", "You are next in line");
            assertThat(browser.accessibilityViolations()).as("the waiting page").isEmpty();

            assertThat(holder.delete("/api/v1/holds/" + held.text("holdId")).status()).isEqualTo(204);
            browser.awaitText(".offer", "are held for you for");
            assertThat(browser.text(".offer")).contains("A1, A2");
            browser.click("#take-offer").awaitText("h1", "Your seats are held");
        }
    }

    @Test
    void aCustomerWaitsInTheShowsWaitingRoomThenGoesStraightOnToTheSeatMapAndHolds() throws Exception {
        String showId = showOnSale("Rush Hour", 1, 4, new BigDecimal("12.00"), Duration.ofDays(4));
        String room = "/api/v1/admin/shows/" + showId + "/queue";
        var created = Platform.ADMIN.put(room, roomSettings(Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var other = session("other." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();
        // a seat no hall has: refused by the gateway once it knows the room (422 from reservation-service before)
        await().atMost(Duration.ofSeconds(5)).until(() -> "ADMISSION_REQUIRED".equals(other.post(
                "/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of("Z99"))).text("code")));
        String email = "crowd." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (var browser = Browser.desktop().signedInAs(session(email), email)) {
            browser.open("/#/show/" + showId);
            browser.awaitText("h1", "Waiting room");
            browser.awaitText("#room-place", "random place in line at the opening");
            assertThat(browser.accessibilityViolations()).as("the waiting room").isEmpty();
            // the page reads its place 2 s apart at the least before the opening (further apart, the larger the
            // crowd): at most 3 changes in 5 s, with the first read's text 4 texts; counted down every second in
            // between, 5 or 6
            browser.awaitText("#room-wait", "Opens in 59:");
            Set<String> shown = new LinkedHashSet<>();
            for (Instant until = Instant.now().plusSeconds(5); Instant.now().isBefore(until); Thread.sleep(100)) {
                shown.add(browser.text("#room-wait"));
            }
            assertThat(shown).as("the countdown to the opening").hasSizeGreaterThanOrEqualTo(5);

            assertThat(Platform.ADMIN.put(room, roomSettings(Instant.now())).status()).as("opened now").isEqualTo(200);
            browser.await("#hold-seats");
            browser.click("[data-seat='A1']").click("#hold-seats").awaitText("h1", "Your seats are held");
        }
    }

    private static Map<String, Object> roomSettings(Instant opensAt) {
        return Map.of("opensAt", opensAt.toString(), "admitPerMinute", 600, "admissionMinutes", 5);
    }

    @Test
    void aPageStillLoadingWhenTheCustomerGoesOnDoesNotReplaceThePageTheyWentOnTo() throws Exception {
        String showId = showOnSale("Paterson", 2, 4, new BigDecimal("8.00"), Duration.ofDays(4));
        try (var browser = Browser.desktop().delaying("/api/v1/cities", Duration.ofSeconds(2))) {
            // the first page waits for its cities on a slow network while the customer follows a link to a show
            browser.open("/");
            browser.awaitText("h1", "Where are you?");
            browser.script("location.hash = arguments[0]", "#/show/" + showId);
            browser.await("button.seat[data-seat='B4']");
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(
                    browser.script("return window.delayedAnswered")));
            assertThat(browser.all("button.seat")).as("the seat map, still shown once the cities came").hasSize(8);
            assertThat(browser.text("main")).doesNotContain("Where are you?");
        }
    }

    @Test
    void problemsAreShownInWordsNeverAsABlankPage() throws Exception {
        try (var browser = Browser.desktop()) {
            browser.open("/#/show/" + UUID.randomUUID());
            assertThat(browser.awaitText("[role=alert]", "does not exist").getText())
                    .isEqualTo("This show does not exist (any more).");
            browser.open("/#/no-such-page");
            browser.awaitText("[role=alert]", "There is no such page.");
            browser.open("/#/bookings");
            browser.awaitText("h1", "Sign in");
            browser.type("#signin-email", "wrong.code." + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                    .clickText("Send me a code");
            browser.type("#signin-code", "000000").clickText("Sign in");
            assertThat(browser.awaitText("[role=alert]", "code").getText())
                    .isEqualTo("That code is not right. Check the e-mail and try again.");
        }
    }

    @Test
    void theFirstPageRendersWithItsCities() throws Exception {
        Platform.created(Platform.ADMIN.post("/api/v1/admin/cities", Map.of("name", "Firstpage " + UUID.randomUUID(),
                "country", "NL", "latitude", 52.0, "longitude", 5.0, "timeZone", "Europe/Amsterdam")));
        try (var browser = Browser.phone()) {
            browser.open("/");
            browser.await("ul[aria-label='Cities']");
            Object rendered = browser.script("return performance.getEntriesByName('first-page-rendered')[0].startTime");
            System.out.printf("the first page (cities) rendered %.0f ms after the navigation began%n",
                    ((Number) rendered).doubleValue());
            assertThat(browser.accessibilityViolations()).as("the first page").isEmpty();
        }
    }

    @Test
    void aTwoThousandSeatMapPaintsAndKeepsUpWithARush() throws Exception {
        String showId = showOnSale("Dune", 25, 80, new BigDecimal("15.00"), Duration.ofDays(5));
        try (var browser = Browser.desktop()) {
            browser.open("/#/show/" + showId).awaitText(".live", "Live");
            assertThat(browser.all("button.seat")).hasSize(2000);
            Object render = browser.script("return performance.getEntriesByName('seat-map-render')[0].duration");
            Object load = browser.script("return performance.getEntriesByName('seat-map-load')[0].duration");
            System.out.printf("2,000-seat map: rendered and painted in %.0f ms after its answer, %.0f ms after the request%n",
                    ((Number) render).doubleValue(), ((Number) load).doubleValue());

            // a rush: 240 customers hold a seat each; the open map shows every one of them held
            for (int row = 0; row < 3; row++) {
                for (int number = 1; number <= 80; number++) {
                    var customer = session("rush." + UUID.randomUUID().toString().substring(0, 8) + "@example.com").api();
                    String seat = (char) ('A' + row) + String.valueOf(number);
                    assertThat(customer.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", List.of(seat))).status())
                            .isEqualTo(201);
                }
            }
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("button.seat.held").size() == 240);
            System.out.printf("the last of 240 holds shown held %d ms after it was taken%n",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void anAdminLaysOutAHallInTheEditorAndSchedulesAShowThatACustomerThenFinds() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cityId;
        try (var admin = Browser.desktop()) {
            admin.open("/admin/");
            admin.type("#admin-key", "local-client-key").clickText("Use this key");
            admin.awaitText("#admin-key-error", "not an admin key");
            admin.type("#admin-key", "local-admin-key").clickText("Use this key");
            // a city without a name: the API's error is shown beside the field
            admin.awaitText("h1", "Cities");
            admin.typeLabelled("Country", "NL").typeLabelled("Time zone", "Europe/Amsterdam")
                    .typeLabelled("Latitude", "52.37").typeLabelled("Longitude", "4.89").clickText("Create city");
            admin.await("input[aria-invalid='true'][name='name']");
            assertThat(admin.text("main .field-error:not([hidden])")).isNotBlank();
            admin.typeLabelled("Name", "Editorville " + tag).clickText("Create city");
            admin.awaitText("h1", "Editorville " + tag);
            cityId = admin.script("return location.hash").toString().replace("#/cities/", "");
        }
        String cinemaId = Platform.created(Platform.ADMIN.post("/api/v1/admin/cinemas", Map.of("cityId", cityId,
                "name", "Cinema " + tag, "address", "Dam 1", "postalCode", "1012 JS", "latitude", 52.373, "longitude", 4.893)));
        String title = "Nosferatu " + tag;
        String movieId = Platform.created(Platform.ADMIN.post("/api/v1/admin/movies", Map.of("title", title,
                "description", "A film for the web app's tests", "durationMinutes", 94, "genre", "Horror",
                "language", "German", "releaseDate", "1922-03-04", "country", "DE")));
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(2);
        String hallId;
        try (var admin = Browser.desktop()) {
            admin.open("/admin/");
            admin.type("#admin-key", "local-admin-key").clickText("Use this key");
            admin.awaitText("h1", "Cities");
            // two changes of a movie in a row: the page sends the version each change was made on (If-Match), and
            // keeps the one it got back, so the second is not refused as stale
            admin.open("/admin/#/movies/" + movieId);
            admin.typeLabelled("Description", "A symphony of horror").clickText("Save movie");
            await().atMost(Duration.ofSeconds(10)).until(() -> movieVersion(movieId) == 2);
            admin.typeLabelled("Rating (optional)", "PG").clickText("Save movie");
            await().atMost(Duration.ofSeconds(10)).until(() -> movieVersion(movieId) == 3);
            assertThat(admin.text("main .form-notice")).contains("Saved.");
            admin.open("/admin/#/halls/new/" + cinemaId);
            admin.type("#hall-name", "Zaal " + tag).type("#generate-rows", "6").type("#generate-seats", "10");
            admin.clickText("Generate");
            admin.awaitText("#layout-counts", "60");
            // drag over the first two rows' middle seats, and make them VIP
            admin.dragOver("#layout-grid", 0.35, 0.05, 0.65, 0.25);
            admin.select("#seat-type", "VIP").clickText("Apply type");
            admin.awaitText("#layout-counts", "VIP");
            assertThat(admin.accessibilityViolations()).as("the layout editor").isEmpty();
            admin.screenshot("layout-editor");
            admin.clickText("Save hall");
            admin.awaitText("main", "created");

            hallId = admin.script("return location.hash").toString().replace("#/halls/", "");
            admin.open("/admin/#/shows/" + hallId);
            admin.select("#show-movie", title + " (94 min)");
            admin.setValue("#show-starts-at", day + "T20:15");
            admin.type("#show-price-regular", "12.50").type("#show-price-vip", "19.00");
            admin.clickText("Schedule show");
            admin.awaitText("main", "Scheduled " + title);
            assertThat(admin.accessibilityViolations()).as("a hall's shows").isEmpty();
        }
        try (var customer = Browser.phone()) {
            customer.open("/#/city/" + cityId + "?date=" + day);
            customer.clickText(title);
            // the time in the city's zone, written the reader's way (Chromium's locale)
            assertThat(customer.awaitText(".times", ":15").getText()).containsAnyOf("20:15", "8:15 PM");
            customer.click(".times a");
            customer.await("button.seat.vip");
            assertThat(customer.all("button.seat")).hasSize(60);
            assertThat(customer.text(".legend")).contains("€19.00").contains("€12.50");
        }
        String showId = Platform.ADMIN.get("/api/v1/admin/halls/" + hallId + "/shows").json().get(0).path("id")
                .asString();
        try (var admin = Browser.desktop()) {
            admin.open("/admin/");
            admin.type("#admin-key", "local-admin-key").clickText("Use this key");
            admin.awaitText("h1", "Cities");
            admin.open("/admin/#/show/" + showId);
            admin.await("#change-price-vip");
            // another admin reprices the show while this page shows the version before
            var read = Platform.ADMIN.get("/api/v1/admin/shows/" + showId);
            var other = Platform.ADMIN.withHeader("If-Match", read.headers().firstValue("ETag").orElseThrow())
                    .put("/api/v1/admin/shows/" + showId, Map.of("startsAt", read.text("startsAt"), "prices", List.of(
                            Map.of("seatType", "REGULAR", "price", 13, "currency", "EUR"),
                            Map.of("seatType", "VIP", "price", 19, "currency", "EUR"))));
            assertThat(other.status()).isEqualTo(200);
            admin.type("#change-price-vip", "21.00").clickText("Save changes");
            admin.awaitText("main", "Someone changed this since you read it");
            admin.script("location.reload()");
            assertThat(admin.await("#change-price-regular").getDomProperty("value")).isEqualTo("13");
            admin.type("#change-price-vip", "21.00").clickText("Save changes");
            admin.awaitText("main", "Saved: the show starts");
        }
        var saved = Platform.ADMIN.get("/api/v1/admin/shows/" + showId).json();
        assertThat(saved.path("version").asLong()).isEqualTo(3);
        assertThat(saved.path("updatedBy").asString()).isEqualTo("local-admin");
    }

    private static long movieVersion(String movieId) {
        return Platform.ADMIN.get("/api/v1/admin/movies/" + movieId).json().path("version").asLong();
    }

    /** The title the show of {@link Platform#showOnSale} was given (the title and a tag). */
    private static String tagged(String title, String showId) {
        String full = Platform.ADMIN.get("/api/v1/shows/" + showId).json().path("movie").path("title").asString();
        assertThat(full).startsWith(title);
        return full;
    }

    /**
     * What the QR code drawn on a canvas says, decoded from the canvas's pixels. The canvas holds the code edge to edge
     * and nothing else, so it is read as a pure code: ZXing's detector, which looks for a code in a photo, misses about
     * one in eighty tickets' codes drawn so at 220 pixels (which ones depends on what they say).
     */
    private static String qrCodeOf(Browser browser, String canvas) throws Exception {
        String dataUrl = (String) browser.script("return arguments[0].toDataURL('image/png')", browser.await(canvas));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** The code the platform mailed to this address (the local stack's SMTP server keeps every mail). */
    private static String signInCode(String email) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).stream()
                .map(SIGN_IN_CODE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst().orElse(null),
                code -> code != null);
    }
}
