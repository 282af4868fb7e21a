package io.ticketing.systemtests;

import static io.ticketing.systemtests.Platform.ADMIN;
import static io.ticketing.systemtests.Platform.database;
import static io.ticketing.systemtests.Platform.showOnSale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.ticketing.testsupport.JsonApi;

/**
 * The virtual waiting room of a hot on-sale on the running platform, through the gateway (issue 19): 2,000 customers
 * join before the opening and 1,000 after it; once the opening's ramp is over, they are admitted at the configured
 * rate, who came before the opening in a random order and who came after in arrival order, through either of two
 * gateway instances; no hold succeeds without its customer's admission token; and waiting-service killed in the middle
 * of it loses no place. It kills waiting-service, so it runs late and leaves a stack it did not start alone.
 */
@Order(Integer.MAX_VALUE - 2)
class WaitingRoomSystemTest {

    private static final int EARLY = 2_000;
    private static final int LATE = 1_000;
    private static final int PER_MINUTE = 6_000;
    private static final int WAITING_SERVICE = 8084;
    private static final int SECOND_GATEWAY = 18080;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @Test
    void aCrowdIsAdmittedFairlyAtItsRateOnlyWithTokensAndARestartLosesNoPlace() throws Exception {
        LocalStackProcess stack = LocalStackProcess.shared();
        Assumptions.assumeTrue(stack.startedHere(), "the stack was already running: its processes are not ours to "
                + "kill");
        String show = showOnSale("The Crowd", 10, 20, new BigDecimal("15.00"), Duration.ofDays(5));
        List<Customer> early = sessions("early", EARLY);
        List<Customer> late = sessions("late", LATE);
        Customer outsider = sessions("outsider", 1).getFirst();
        try (var secondGateway = ExtraInstance.start("gateway-service", SECOND_GATEWAY)) {
            crowd(stack, show, early, late, outsider, secondGateway);
        }
        pool.shutdown();
    }

    private void crowd(LocalStackProcess stack, String show, List<Customer> early, List<Customer> late,
            Customer outsider, ExtraInstance secondGateway) throws Exception {
        var room = ADMIN.put(room(show), settings(Instant.now().plus(Duration.ofHours(1))));
        assertThat(room.status()).as(room.body()).isEqualTo(201);
        // a seat no hall has: refused by the gateway once it knows the room (422 from reservation-service before)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hold(outsider, show, "Z99", null)
                .text("code")).as("the gateway knows the room").isEqualTo("ADMISSION_REQUIRED"));

        // 2,000 join before the opening, 8 at a time; a second join answers the same place
        Map<UUID, String> tickets = new ConcurrentHashMap<>();
        all(early.stream().map(customer -> (Callable<Void>) () -> {
            var joined = join(customer, show);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            assertThat(joined.text("status")).isEqualTo("BEFORE_OPENING");
            tickets.put(customer.id(), joined.text("ticketId"));
            return null;
        }).toList());
        assertThat(join(early.getFirst(), show).text("ticketId")).isEqualTo(tickets.get(early.getFirst().id()));

        // the opening, then 1,000 more, one after the other (their arrival order), through two gateway instances in
        // turn: the order is the room's, whichever instance a customer comes through
        assertThat(ADMIN.put(room(show), settings(Instant.now())).status()).isEqualTo(200);
        Instant openedAt = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> "OPEN".equals(ADMIN.get(room(show)).text("status")));
        assertThat(ADMIN.get(room(show)).text("throttleReason")).as("an opening ramps up").startsWith("opening:");
        for (int i = 0; i < late.size(); i++) {
            Customer customer = late.get(i);
            var joined = join(i % 2 == 0 ? customer : customer.through(secondGateway.url()), show);
            assertThat(joined.status()).as(joined.body()).isEqualTo(201);
            tickets.put(customer.id(), joined.text("ticketId"));
        }

        // holds need the customer's own token
        Customer first = awaitAdmitted(early, tickets);
        String token = place(first, tickets).text("admissionToken");
        assertThat(hold(first, show, "A1", null).text("code")).as("without a token").isEqualTo("ADMISSION_REQUIRED");
        assertThat(hold(outsider, show, "A1", token).text("code")).as("someone else's token")
                .isEqualTo("ADMISSION_REQUIRED");
        assertThat(hold(first, show, "A1", token).status()).as("its own token").isEqualTo(201);

        // the opening's ramp, while holds are healthy: from a tenth of the rate, twice as many every 4 s up to half of
        // it, then a tenth of it more every 4 s (32 s, 1,680 admitted)
        await().atMost(Duration.ofSeconds(90)).until(() -> !ADMIN.get(room(show)).json().path("throttled").asBoolean());
        Instant rampedAt = Instant.now();
        long admittedWhileRamping = admittedCount(show);

        // waiting-service dies in the middle of admission, 4 s after the ramp: the gateway keeps the rooms it knew,
        // nobody loses a place
        await().atMost(Duration.ofSeconds(60)).until(() -> admittedCount(show) >= admittedWhileRamping + 400);
        Map<UUID, Long> ranksBefore = ranks(show);
        long pid = Platform.kill(WAITING_SERVICE);
        Instant killedAt = Instant.now();
        assertThat(hold(outsider, show, "A2", null).text("code")).as("while waiting-service is away")
                .isEqualTo("ADMISSION_REQUIRED");
        assertThat(hold(first, show, "A2", token).status()).as("an admitted customer holds on").isEqualTo(201);
        Platform.awaitRestart(stack, WAITING_SERVICE, pid, "waiting-service");
        assertThat(ranks(show)).as("every place kept").isEqualTo(ranksBefore);

        await().atMost(Duration.ofMinutes(2)).until(() -> admittedCount(show) == EARLY + LATE);
        List<Admitted> admitted = admitted(show);

        // the rate, in the stretches from the end of the ramp to the kill and after the restart, each without its first
        // step
        double before = rate(admitted.stream().filter(a -> a.at().isAfter(rampedAt) && !a.at().isAfter(killedAt))
                .toList());
        double after = rate(admitted.stream().filter(a -> a.at().isAfter(killedAt)).toList());
        System.out.printf(Locale.ROOT, "Waiting room: ramped up in %.1f s; %,.0f admitted per minute before the kill, "
                + "%,.0f after the restart (configured %,d); admitting again %.1f s after the kill%n",
                Duration.between(openedAt, rampedAt).toMillis() / 1000.0, before, after, PER_MINUTE,
                Duration.between(killedAt, admitted.stream().filter(a -> a.at().isAfter(killedAt)).findFirst()
                        .orElseThrow().at()).toMillis() / 1000.0);
        assertThat(before).as("customers admitted per minute before the kill")
                .isCloseTo(PER_MINUTE, within(PER_MINUTE * 0.05));
        assertThat(after).as("customers admitted per minute after the restart")
                .isCloseTo(PER_MINUTE, within(PER_MINUTE * 0.05));

        // everyone before the opening comes first, in a random order; then arrival order
        Map<UUID, Long> ranks = ranks(show);
        List<Long> earlyRanks = early.stream().map(customer -> ranks.get(customer.id())).toList();
        List<Long> lateRanks = late.stream().map(customer -> ranks.get(customer.id())).toList();
        assertThat(earlyRanks).allMatch(rank -> rank <= EARLY);
        assertThat(lateRanks).as("arrival order after the opening").isSorted().allMatch(rank -> rank > EARLY);
        System.out.printf(Locale.ROOT, "Waiting room: rank correlation of the early customers with their order of "
                + "joining %.3f%n", correlation(earlyRanks));
        assertThat(Math.abs(correlation(earlyRanks))).as("joining early earns no better place").isLessThan(0.1);
        assertThat(admitted).extracting(Admitted::rank).as("admitted in rank order").isSorted();

        // a customer who joined through the second gateway holds through it with its token, and only with it
        Customer throughSecond = late.get(1).through(secondGateway.url());
        String lateToken = place(throughSecond, tickets).text("admissionToken");
        assertThat(hold(throughSecond, show, "B1", null).text("code")).as("the second gateway knows the room")
                .isEqualTo("ADMISSION_REQUIRED");
        assertThat(hold(throughSecond, show, "B1", lateToken).status()).as("and lets its customer in")
                .isEqualTo(201);
    }

    private record Customer(JsonApi api, UUID id, String token) {

        /** The same customer, through another gateway instance. */
        Customer through(String gateway) {
            return new Customer(new JsonApi(gateway).withHeader("X-API-Key", "local-client-key")
                    .withHeader("Authorization", "Bearer " + token), id, token);
        }
    }

    /** When a customer was admitted, and their rank. */
    private record Admitted(long rank, Instant at) {
    }

    private List<Customer> sessions(String name, int count) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Callable<Customer>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = name + "-" + i + "-" + tag + "@example.com";
            opening.add(() -> {
                var session = Platform.session(email);
                return new Customer(session.api(), session.customerId(), session.token());
            });
        }
        return all(opening);
    }

    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> result : pool.invokeAll(tasks)) {
            results.add(result.get());
        }
        return results;
    }

    private static JsonApi.Response join(Customer customer, String show) {
        return customer.api().request("POST", "/api/v1/shows/" + show + "/queue", null, null);
    }

    private static JsonApi.Response place(Customer customer, Map<UUID, String> tickets) {
        return customer.api().get("/api/v1/queue/" + tickets.get(customer.id()));
    }

    private static Customer awaitAdmitted(List<Customer> customers, Map<UUID, String> tickets) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> customers.stream()
                .filter(customer -> "ADMITTED".equals(place(customer, tickets).text("status"))).findFirst()
                .orElse(null), customer -> customer != null);
    }

    private static JsonApi.Response hold(Customer customer, String show, String seat, String token) {
        JsonApi api = token == null ? customer.api() : customer.api().withHeader("X-Admission-Token", token);
        return api.post("/api/v1/shows/" + show + "/holds", Map.of("seatIds", List.of(seat)));
    }

    private static String room(String show) {
        return "/api/v1/admin/shows/" + show + "/queue";
    }

    private static Map<String, Object> settings(Instant opensAt) {
        return Map.of("opensAt", opensAt.toString(), "admitPerMinute", PER_MINUTE, "admissionMinutes", 10);
    }

    /**
     * Customers admitted per minute over a stretch, between its first step (which may catch up) and its last (which
     * may find fewer waiting than the time earned): the stretch after the restart is a few seconds (its first step
     * catches up 5 s of admissions), and counting its last step, one run measured 5,508 a minute of the 6,000.
     */
    private static double rate(List<Admitted> stretch) {
        Instant firstStep = stretch.getFirst().at();
        Instant lastStep = stretch.getLast().at();
        List<Admitted> between = stretch.stream()
                .filter(a -> a.at().isAfter(firstStep) && a.at().isBefore(lastStep)).toList();
        double seconds = Duration.between(firstStep, between.getLast().at()).toMillis() / 1000.0;
        return between.size() / seconds * 60;
    }

    /**
     * Spearman's rank correlation of ranks 1 to n with the order they are listed in (the order of joining): near 0
     * when the order of joining says nothing about the rank.
     */
    private static double correlation(List<Long> ranks) {
        double n = ranks.size();
        double squares = 0;
        for (int i = 0; i < ranks.size(); i++) {
            double d = i + 1 - ranks.get(i);
            squares += d * d;
        }
        return 1 - 6 * squares / (n * (n * n - 1));
    }

    /** The ranks of the room's places by customer: what no API shows, read from waiting-service's database. */
    private static Map<UUID, Long> ranks(String show) throws SQLException {
        try (var connection = database("waiting"); var statement = connection.prepareStatement(
                "SELECT customer_id, rank FROM waiting_room_ticket WHERE show_id = ?::uuid")) {
            statement.setString(1, show);
            Map<UUID, Long> ranks = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ranks.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return ranks;
        }
    }

    private static List<Admitted> admitted(String show) throws SQLException {
        try (var connection = database("waiting"); var statement = connection.prepareStatement("""
                SELECT rank, admitted_at FROM waiting_room_ticket
                WHERE show_id = ?::uuid AND admitted_at IS NOT NULL ORDER BY admitted_at, rank""")) {
            statement.setString(1, show);
            List<Admitted> admitted = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    admitted.add(new Admitted(rows.getLong(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
            return admitted;
        }
    }

    private static int admittedCount(String show) throws SQLException {
        return admitted(show).size();
    }
}
