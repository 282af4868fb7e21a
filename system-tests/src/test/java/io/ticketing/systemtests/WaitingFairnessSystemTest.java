package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.ADMIN;
import static io.ticketing.systemtests.Platform.CLIENT;
import static io.ticketing.systemtests.Platform.created;
import static io.ticketing.systemtests.Platform.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;

/**
 * Fairness of the waiting line on the running platform, against a model: holders fill a show, waiters of random
 * sizes join, the holds are released one by one in random order, and after each release the line must be exactly
 * as first come, first served says — each waiter whose request fits the seats kept for the line served in
 * arrival order, nobody served before an earlier waiter whose request fits, entries that can no longer be met
 * UNSERVABLE — and no seat is ever offered twice.
 */
@Order(4)
class WaitingFairnessSystemTest {

    private static final int SEATS = 24;

    @Test
    void releasedSeatsAreServedFirstComeFirstServedWithoutInversionsOrDoubleOffers() throws Exception {
        LocalStackProcess.shared();
        for (long seed : new long[] { 2026, 7, 42 }) {
            round(new Random(seed));
        }
    }

    private void round(Random random) {
        String showId = show();
        List<String> seats = new ArrayList<>();
        for (int n = 1; n <= SEATS; n++) {
            seats.add("A" + n);
        }

        // holders fill the show with holds of 1 to 4 seats
        record Holder(JsonApi customer, String holdId, int size) {
        }
        List<Holder> holders = new ArrayList<>();
        for (int next = 0; next < SEATS; ) {
            int size = Math.min(1 + random.nextInt(4), SEATS - next);
            JsonApi holder = customer("holder" + next + "@example.com");
            var hold = holder.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", seats.subList(next, next + size)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            holders.add(new Holder(holder, hold.text("holdId"), size));
            next += size;
        }
        // waiters of 1 to 4 seats join in a known order
        Map<String, JsonApi> waiterSessions = new LinkedHashMap<>();
        Model model = new Model(SEATS);
        for (int i = 0; i < 14; i++) {
            int size = 1 + random.nextInt(4);
            JsonApi waiter = customer("waiter" + i + "@example.com");
            var entry = waiter.post("/api/v1/shows/" + showId + "/waitlist", Map.of("seatCount", size));
            assertThat(entry.status()).as(entry.body()).isEqualTo(201);
            waiterSessions.put(entry.text("entryId"), waiter);
            model.join(entry.text("entryId"), size);
        }

        Collections.shuffle(holders, random);
        Set<String> offeredSeats = new HashSet<>();
        Set<String> offeredHolds = new HashSet<>();
        for (Holder holder : holders) {
            assertThat(holder.customer().delete("/api/v1/holds/" + holder.holdId()).status()).isEqualTo(204);
            model.release(holder.size());

            Map<String, String> expected = model.statuses();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(actual(waiterSessions)).isEqualTo(expected));
            for (var entry : waiterSessions.entrySet()) {
                JsonNode offer = entry.getValue().get("/api/v1/waitlist/" + entry.getKey()).json().path("offer");
                if (!offer.isMissingNode() && offeredHolds.add(offer.path("holdId").asString())) {
                    for (JsonNode seat : offer.path("seatIds")) {
                        assertThat(offeredSeats.add(seat.asString())).as("seat %s offered twice", seat.asString())
                                .isTrue();
                    }
                    assertThat(offer.path("seatIds").size()).isEqualTo(model.size(entry.getKey()));
                }
            }
        }
        System.out.printf("Fairness round: %d holds released one by one to %d waiters; %d offers, %d seats offered, "
                + "no inversion, no seat offered twice%n", holders.size(), waiterSessions.size(), offeredHolds.size(),
                offeredSeats.size());
        assertThat(offeredHolds).isNotEmpty();
    }

    /** First come, first served as the product defines it, on seat counts alone. */
    private static final class Model {

        private final Map<String, Integer> sizes = new LinkedHashMap<>();
        private final Map<String, String> statuses = new LinkedHashMap<>();
        private int available;
        private int kept;
        private int held;

        Model(int held) {
            this.held = held;
        }

        void join(String entry, int size) {
            sizes.put(entry, size);
            statuses.put(entry, "WAITING");
        }

        int size(String entry) {
            return sizes.get(entry);
        }

        void release(int size) {
            held -= size;
            if (statuses.containsValue("WAITING")) {
                kept += size;
            }
            else {
                available += size;
            }
            for (var entry : statuses.entrySet()) {
                int wanted = sizes.get(entry.getKey());
                if (entry.getValue().equals("WAITING") && wanted <= kept) {
                    entry.setValue("OFFERED");
                    kept -= wanted;
                    held += wanted;
                }
            }
            int couldComeFree = available + kept + held;
            boolean someoneCouldUse = false;
            for (var entry : statuses.entrySet()) {
                int wanted = sizes.get(entry.getKey());
                if (entry.getValue().equals("WAITING")) {
                    if (wanted > couldComeFree) {
                        entry.setValue("UNSERVABLE");
                    }
                    else if (wanted <= kept + held) {
                        someoneCouldUse = true;
                    }
                }
            }
            if (kept > 0 && !someoneCouldUse) {
                available += kept;
                kept = 0;
            }
        }

        Map<String, String> statuses() {
            return Map.copyOf(statuses);
        }
    }

    private static Map<String, String> actual(Map<String, JsonApi> waiters) {
        Map<String, String> statuses = new LinkedHashMap<>();
        waiters.forEach((entry, waiter) -> statuses.put(entry, waiter.get("/api/v1/waitlist/" + entry).text("status")));
        return Map.copyOf(statuses);
    }

    private static String show() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cityId = created(ADMIN.post("/api/v1/admin/cities", Map.of("name", "Delft " + tag, "country", "NL",
                "latitude", 52.0116, "longitude", 4.3571, "timeZone", "Europe/Amsterdam")));
        String cinemaId = created(ADMIN.post("/api/v1/admin/cinemas", Map.of("cityId", cityId, "name", "Filmhuis " + tag,
                "address", "Doelenplein 5", "postalCode", "2611 BP", "latitude", 52.0130, "longitude", 4.3560)));
        List<Map<String, Object>> row = new ArrayList<>();
        for (int n = 1; n <= SEATS; n++) {
            row.add(Map.of("number", n, "type", "REGULAR"));
        }
        String hallId = created(ADMIN.post("/api/v1/admin/cinemas/" + cinemaId + "/halls", Map.of("name", "Zaal 4",
                "rows", List.of(Map.of("row", "A", "seats", row)))));
        String movieId = created(ADMIN.post("/api/v1/admin/movies", Map.of("title", "Her " + tag, "description",
                "A writer falls for an operating system", "durationMinutes", 126, "genre", "Drama",
                "language", "English", "releaseDate", "2013-12-18", "country", "US")));
        String showId = created(ADMIN.post("/api/v1/admin/shows", Map.of("movieId", movieId, "hallId", hallId,
                "startsAt", Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
                "prices", List.of(Map.of("seatType", "REGULAR", "price", 9, "currency", "EUR")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> CLIENT.get("/api/v1/shows/" + showId + "/seats").status() == 200);
        return showId;
    }
}
