package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.customer;
import static io.ticketing.systemtests.Platform.redis;
import static io.ticketing.systemtests.Platform.session;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;

/**
 * Fairness of the waiting line on the running platform, against a model, with two waiting-service instances
 * (the stack's and one more sharing its database and Kafka group): holders fill a show, waiters of random sizes
 * join through either instance, then in random order holds are released or run out (their lease ended in Redis,
 * as when the hold time is up), offers made to waiters run out unpaid, and waiters leave through the other
 * instance. After each step the line must be exactly as first come, first served says — each waiter whose request
 * fits the seats kept for the line served in arrival order, nobody served before an earlier waiter whose request
 * fits, entries that can no longer be met UNSERVABLE — and no seat is ever offered twice.
 */
@Order(4)
class WaitingFairnessSystemTest {

    private static final int SEATS = 24;
    private static final int WAITERS = 14;

    private final List<Long> settleMillis = new ArrayList<>();

    @Test
    void seatsFreedInAnyWayAreServedFirstComeFirstServedWithoutInversionsOrDoubleOffers() throws Exception {
        LocalStackProcess.shared();
        try (var second = ExtraInstance.start("waiting-service", 18084)) {
            for (long seed : new long[] { 2026, 7, 42, 1, 2, 3 }) {
                round(new Random(seed), second);
            }
        }
        Collections.sort(settleMillis);
        System.out.printf("Fairness: %d steps, the line matched the model %d ms after a step (median), %d ms at most%n",
                settleMillis.size(), settleMillis.get(settleMillis.size() / 2), settleMillis.getLast());
    }

    /** A waiter: their session, and the same customer talking to the second instance directly. */
    private record Waiter(JsonApi gateway, JsonApi second, int size) {
    }

    private void round(Random random, ExtraInstance second) throws Exception {
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
            JsonApi holder = customer("holder" + next + "-" + showId + "@example.com");
            var hold = holder.post("/api/v1/shows/" + showId + "/holds", Map.of("seatIds", seats.subList(next, next + size)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            holders.add(new Holder(holder, hold.text("holdId"), size));
            next += size;
        }
        // waiters of 1 to 4 seats join in a known order, every other one through the second instance
        Map<String, Waiter> waiters = new LinkedHashMap<>();
        Model model = new Model(SEATS);
        for (int i = 0; i < WAITERS; i++) {
            int size = 1 + random.nextInt(4);
            var session = session("waiter" + i + "-" + showId + "@example.com");
            JsonApi direct = JsonApi.asGateway(second.url()).withHeader("X-Customer-Id", session.customerId().toString());
            var entry = (i % 2 == 0 ? session.api() : direct).post("/api/v1/shows/" + showId + "/waitlist",
                    Map.of("seatCount", size));
            assertThat(entry.status()).as(entry.body()).isEqualTo(201);
            waiters.put(entry.text("entryId"), new Waiter(session.api(), direct, size));
            model.join(entry.text("entryId"), size);
        }

        Collections.shuffle(holders, random);
        Map<String, List<String>> liveOffers = new LinkedHashMap<>(); // hold -> seats, of offers not run out
        Map<String, String> offeredEntries = new LinkedHashMap<>(); // entry -> hold
        int released = 0;
        int expired = 0;
        int offersExpired = 0;
        int cancelled = 0;
        int seatsOffered = 0;
        List<String> steps = new ArrayList<>();
        while (!holders.isEmpty() || !liveOffers.isEmpty()) {
            int step = random.nextInt(10);
            if (step < 2 && !liveOffers.isEmpty()) {
                // an offer runs out unpaid: its seats come free for the line again
                String hold = List.copyOf(liveOffers.keySet()).get(random.nextInt(liveOffers.size()));
                expire(showId, hold);
                int size = liveOffers.remove(hold).size();
                model.free(size);
                offersExpired++;
                steps.add("offer " + hold + " of " + size + " expired");
            }
            else if (step < 3 && !model.waiting().isEmpty()) {
                // a waiter leaves, through the second instance
                String entry = model.waiting().get(random.nextInt(model.waiting().size()));
                assertThat(waiters.get(entry).second().delete("/api/v1/waitlist/" + entry).status()).isEqualTo(204);
                model.cancel(entry);
                cancelled++;
                steps.add("entry " + entry + " cancelled");
            }
            else if (!holders.isEmpty()) {
                Holder holder = holders.removeFirst();
                boolean release = random.nextBoolean();
                if (release) {
                    assertThat(holder.customer().delete("/api/v1/holds/" + holder.holdId()).status()).isEqualTo(204);
                    released++;
                }
                else {
                    expire(showId, holder.holdId());
                    expired++;
                }
                model.free(holder.size());
                steps.add("hold " + holder.holdId() + " of " + holder.size() + (release ? " released" : " expired"));
            }
            else {
                continue;
            }

            Map<String, String> expected = model.statuses();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(
                    () -> assertThat(actual(waiters)).as("show %s after %s", showId, steps).isEqualTo(expected));
            settleMillis.add((System.nanoTime() - started) / 1_000_000);
            for (var entry : waiters.entrySet()) {
                JsonNode offer = entry.getValue().gateway().get("/api/v1/waitlist/" + entry.getKey()).json().path("offer");
                if (!offer.isMissingNode() && !offeredEntries.containsKey(entry.getKey())) {
                    String hold = offer.path("holdId").asString();
                    List<String> offered = offer.path("seatIds").valueStream().map(JsonNode::asString).toList();
                    assertThat(offered).hasSize(entry.getValue().size());
                    offeredEntries.put(entry.getKey(), hold);
                    liveOffers.put(hold, offered);
                    seatsOffered += offered.size();
                }
            }
            // no seat is in two offers that still run, and each offer's seats are held for it
            Set<String> offeredNow = new HashSet<>();
            for (var offer : liveOffers.entrySet()) {
                for (String seat : offer.getValue()) {
                    assertThat(offeredNow.add(seat)).as("seat %s offered twice", seat).isTrue();
                    assertThat(redis("HGET", "show:{" + showId + "}:seats", seat)).isEqualTo("HELD:" + offer.getKey());
                }
            }
        }
        System.out.printf("Fairness round: %d holds released and %d expired, %d offers expired unpaid, %d of %d waiters "
                + "left; %d offers, %d seats offered, no inversion, no seat in two offers%n", released, expired,
                offersExpired, cancelled, WAITERS, offeredEntries.size(), seatsOffered);
        assertThat(offeredEntries).isNotEmpty();
    }

    /** The hold's time runs out now: its lease key in Redis ends, as it would at the end of the hold time. */
    private static void expire(String showId, String holdId) throws Exception {
        Platform.endLease(showId, holdId);
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

        /** Entries still waiting, in arrival order. */
        List<String> waiting() {
            return statuses.entrySet().stream().filter(entry -> entry.getValue().equals("WAITING"))
                    .map(Map.Entry::getKey).toList();
        }

        /** A hold of {@code size} seats ended (released, expired, an offer unpaid): the line is served. */
        void free(int size) {
            held -= size;
            if (statuses.containsValue("WAITING")) {
                kept += size;
            }
            else {
                available += size;
            }
            serve();
        }

        void cancel(String entry) {
            statuses.put(entry, "CANCELLED");
            serve();
        }

        private void serve() {
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

    private static Map<String, String> actual(Map<String, Waiter> waiters) {
        Map<String, String> statuses = new LinkedHashMap<>();
        waiters.forEach((entry, waiter) -> statuses.put(entry,
                waiter.gateway().get("/api/v1/waitlist/" + entry).text("status")));
        return Map.copyOf(statuses);
    }

    private static String show() {
        return showOnSale("Her", 1, SEATS, new BigDecimal("9"), Duration.ofDays(5));
    }
}
