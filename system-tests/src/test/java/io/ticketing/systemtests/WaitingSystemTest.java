package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.CLIENT;
import static io.ticketing.systemtests.Platform.customer;
import static io.ticketing.systemtests.Platform.redis;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;

/**
 * The waiting line on the running platform, through the gateway: customers wait for seats others hold; when
 * they are released, the longest waiter whose request fits gets them as a hold of their own, the seats a later
 * waiter could still use stay kept for the line (newcomers cannot take them), and seats nobody in line can use
 * go back on sale. When Redis loses everything, the line and the seats freed for it survive.
 */
@Order(4)
class WaitingSystemTest {

    private static String showId;

    @BeforeAll
    static void aSmallShowOnSale() throws Exception {
        LocalStackProcess.shared();
        showId = fourSeatShow();
    }

    private static String fourSeatShow() {
        return showOnSale("Arrival", 1, 4, BigDecimal.TEN, Duration.ofDays(4));
    }

    @Test
    void releasedSeatsGoToTheLongestWaiterWhoseRequestFitsAndStayKeptForTheNext() throws Exception {
        JsonApi ana = customer("ana.wait@example.com");
        JsonApi ben = customer("ben.wait@example.com");
        JsonApi cleo = customer("cleo.wait@example.com");
        var anasHold = ana.post(holds(), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")));
        assertThat(anasHold.status()).as(anasHold.body()).isEqualTo(201);

        var bensEntry = ben.post(waitlist(), Map.of("seatCount", 2));
        var cleosEntry = cleo.post(waitlist(), Map.of("seatCount", 3));
        var tooMany = customer("dan.wait@example.com").post(waitlist(), Map.of("seatCount", 5));
        assertThat(bensEntry.status()).as(bensEntry.body()).isEqualTo(201);
        assertThat(bensEntry.json().path("position").asInt()).isEqualTo(1);
        assertThat(cleosEntry.json().path("position").asInt()).isEqualTo(2);
        assertThat(tooMany.text("code")).isEqualTo("SHOW_FULL");

        var bensPoll = CompletableFuture.supplyAsync(
                () -> ben.get("/api/v1/waitlist/" + bensEntry.text("entryId") + "?waitSeconds=20"));
        Platform.awaitLongPoll();
        Instant released = Instant.now();
        assertThat(ana.delete("/api/v1/holds/" + anasHold.text("holdId")).status()).isEqualTo(204);

        JsonNode offered = bensPoll.get().json();
        Duration offerTook = Duration.between(released, Instant.now());
        System.out.printf("Offer reached the long-polling waiter %d ms after the release%n", offerTook.toMillis());
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
        assertThat(offered.path("offer").path("seatIds").size()).isEqualTo(2);
        String bensHold = offered.path("offer").path("holdId").asString();
        assertThat(ben.get("/api/v1/holds/" + bensHold).text("status")).isEqualTo("HELD");
        assertThat(offerTook).as("woken by the release, not at the end of its 20 s wait")
                .isLessThan(Duration.ofSeconds(15));
        // the other two seats are kept for cleo, who still waits: a newcomer cannot take them
        assertThat(cleo.get("/api/v1/waitlist/" + cleosEntry.text("entryId")).json().path("position").asInt())
                .isEqualTo(1);
        String freeSeat = offered.path("offer").path("seatIds").toString().contains("A4") ? "A1" : "A4";
        var newcomer = customer("eve.wait@example.com").post(holds(), Map.of("seatIds", List.of(freeSeat)));
        assertThat(newcomer.text("code")).isEqualTo("SEATS_HELD");

        assertThat(ben.delete("/api/v1/holds/" + bensHold).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> cleo.get("/api/v1/waitlist/" + cleosEntry.text("entryId"))
                .text("status").equals("OFFERED"));
        assertThat(cleo.get("/api/v1/waitlist/" + cleosEntry.text("entryId")).json().path("offer").path("seatIds").size())
                .isEqualTo(3);
        // nobody waits any more: the fourth seat is back on sale
        await().atMost(Duration.ofSeconds(10)).until(() -> CLIENT.get("/api/v1/shows/" + showId + "/seats").json()
                .path("rows").get(0).path("seats").valueStream()
                .filter(seat -> seat.path("status").asString().equals("AVAILABLE")).count() == 1);
    }

    @Test
    void theLineOutlivesRedisLosingEverythingAndIsServedAtOnce() throws Exception {
        String show = fourSeatShow();
        JsonApi fay = customer("fay.wait@example.com");
        JsonApi gus = customer("gus.wait@example.com");
        var faysHold = fay.post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")));
        var gusEntry = gus.post(waitlist(show), Map.of("seatCount", 2));
        assertThat(gusEntry.status()).as(gusEntry.body()).isEqualTo(201);

        // Redis loses everything: the seat map, the holds' seats and the line
        assertThat(redis("FLUSHALL")).isEqualTo("OK");
        var gusPoll = CompletableFuture.supplyAsync(
                () -> gus.get("/api/v1/waitlist/" + gusEntry.text("entryId") + "?waitSeconds=20"));
        Platform.awaitLongPoll();
        Instant released = Instant.now();
        assertThat(fay.delete("/api/v1/holds/" + faysHold.text("holdId")).status()).isEqualTo(204);

        // the seat map is rebuilt with the line (reservation keeps it in PostgreSQL too) and the freed seats kept for it
        JsonNode offered = gusPoll.get().json();
        System.out.printf("After Redis lost everything, the offer reached the long-polling waiter %d ms after the "
                + "release%n", Duration.between(released, Instant.now()).toMillis());
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
        assertThat(offered.path("offer").path("seatIds").size()).isEqualTo(2);
        assertThat(gus.get("/api/v1/holds/" + offered.path("offer").path("holdId").asString()).text("status"))
                .isEqualTo("HELD");
        // nobody else waits: the other two seats go back on sale
        await().atMost(Duration.ofSeconds(10)).until(() -> CLIENT.get("/api/v1/shows/" + show + "/seats").json()
                .path("rows").get(0).path("seats").valueStream()
                .filter(seat -> seat.path("status").asString().equals("AVAILABLE")).count() == 2);
    }

    @Test
    void aLongPollWithNothingToTellLastsItsFullThirtySecondsAndEndsWithTheEntry() {
        String show = fourSeatShow();
        customer("hal.wait@example.com").post(holds(show), Map.of("seatIds", List.of("A1", "A2", "A3", "A4")));
        JsonApi ida = customer("ida.wait@example.com");
        var entry = ida.post(waitlist(show), Map.of("seatCount", 1));
        Instant asked = Instant.now();

        var quiet = ida.get("/api/v1/waitlist/" + entry.text("entryId") + "?waitSeconds=30");

        assertThat(quiet.status()).as("the gateway lets a long poll run its course: " + quiet.body()).isEqualTo(200);
        assertThat(quiet.text("status")).isEqualTo("WAITING");
        assertThat(Duration.between(asked, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(29));
    }

    private static String holds() {
        return holds(showId);
    }

    private static String holds(String show) {
        return "/api/v1/shows/" + show + "/holds";
    }

    private static String waitlist() {
        return waitlist(showId);
    }

    private static String waitlist(String show) {
        return "/api/v1/shows/" + show + "/waitlist";
    }
}
