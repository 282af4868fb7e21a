package io.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.catalog.ShowUpdated;
import io.ticketing.reservation.seating.SeatingPlans;
import io.ticketing.testsupport.GatewayIdentity;
import io.ticketing.testsupport.JsonApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seat map everyone sees is rendered once per change and served as the same bytes, gzipped for clients that accept
 * it; it is never older than the last change a reader could have seen, and a holder gets the same map with their own
 * seats marked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeatMapCacheIntegrationTest extends ReservationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SeatingPlans plans;

    @Test
    void servesTheSameMapGzippedOrPlainAndEveryChangeToTheNextReader() throws Exception {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 2, 5);
        HttpResponse<byte[]> plain = read(show, null);
        HttpResponse<byte[]> gzipped = read(show, "br, gzip;q=0.8");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(read(show, "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();

        // every hold is seen by the very next reader
        for (String seat : List.of("A1", "A2", "A3")) {
            UUID holder = UUID.randomUUID();
            assertThat(customer(holder).post("/api/v1/shows/" + show.showId() + "/holds", Map.of("seatIds", List.of(seat)))
                    .status()).isEqualTo(201);
            assertThat(status(JSON.readTree(gunzip(read(show, "gzip").body())), seat)).isEqualTo("HELD");
            JsonNode holdersMap = customer(holder).get("/api/v1/shows/" + show.showId() + "/seats").json();
            assertThat(seatOf(holdersMap, seat).path("heldByYou").asBoolean()).isTrue();
            assertThat(seatOf(JSON.readTree(read(show, null).body()), seat).has("heldByYou")).isFalse();
        }
        assertThat(status(JSON.readTree(read(show, null).body()), "A4")).isEqualTo("AVAILABLE");
        assertThat(read(showThatDoesNotExist(), "gzip").statusCode()).isEqualTo(404);
    }

    @Test
    void aHolderGetsTheMapEveryoneSeesWithOnlyTheirOwnSeatsMarked() throws Exception {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 6, 8);
        UUID holder = UUID.randomUUID();
        for (List<String> seats : List.of(List.of("B2", "B3"), List.of("E8"))) {
            assertThat(customer(holder).post("/api/v1/shows/" + show.showId() + "/holds", Map.of("seatIds", seats))
                    .status()).isEqualTo(201);
        }
        assertThat(customer(UUID.randomUUID()).post("/api/v1/shows/" + show.showId() + "/holds",
                Map.of("seatIds", List.of("B4"))).status()).isEqualTo(201);

        JsonNode everyones = JSON.readTree(read(show, null).body());
        HttpResponse<byte[]> gzipped = read(show, "gzip", holder);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        JsonNode holders = JSON.readTree(gunzip(gzipped.body()));
        assertThat(JSON.readTree(read(show, null, holder).body())).isEqualTo(holders);

        List<String> marked = new ArrayList<>();
        for (int row = 0; row < 6; row++) {
            for (int seat = 0; seat < 8; seat++) {
                JsonNode theirs = holders.path("rows").get(row).path("seats").get(seat);
                JsonNode plain = everyones.path("rows").get(row).path("seats").get(seat);
                if (theirs.has("heldByYou")) {
                    assertThat(theirs.path("heldByYou").asBoolean()).isTrue();
                    marked.add(theirs.path("seatId").asString());
                    ((ObjectNode) theirs).remove("heldByYou");
                }
                assertThat(theirs).as("seat %d of row %d", seat, row).isEqualTo(plain);
            }
        }
        assertThat(marked).containsExactly("B2", "B3", "E8");
        assertThat(status(everyones, "B4")).isEqualTo("HELD");
    }

    @Test
    void aRepricedShowsMapShowsTheNewPricesAlthoughNoSeatChanged() throws Exception {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 1, 4);
        BigDecimal before = seatOf(JSON.readTree(read(show, null).body()), "A1").path("price").decimalValue();
        BigDecimal after = before.add(new BigDecimal("7.00"));
        plans.update(new ShowUpdated(UUID.randomUUID(), Instant.now(), show.showId(), show.startsAt(), show.endsAt(),
                show.salesOpenAt(), show.salesCloseAt(), show.prices().stream()
                        .map(price -> new ShowScheduled.Price(price.seatType(), price.amount().add(new BigDecimal("7.00")),
                                price.currency()))
                        .toList(), Instant.now().toEpochMilli()));

        assertThat(seatOf(JSON.readTree(gunzip(read(show, "gzip").body())), "A1").path("price").decimalValue())
                .isEqualByComparingTo(after);
    }

    @Test
    void manyConcurrentReadersAllGetACompleteMap() throws Exception {
        ShowScheduled show = ShowsOnSale.onSale(jdbc, 10, 20);
        try (var readers = Executors.newFixedThreadPool(16)) {
            List<Callable<JsonNode>> reads = java.util.stream.IntStream.range(0, 200)
                    .<Callable<JsonNode>>mapToObj(i -> () -> JSON.readTree(gunzip(read(show, "gzip").body()))).toList();
            for (Future<JsonNode> map : readers.invokeAll(reads)) {
                assertThat(map.get().path("rows")).hasSize(10);
                assertThat(map.get().path("rows").get(9).path("seats")).hasSize(20);
            }
        }
    }

    private HttpResponse<byte[]> read(ShowScheduled show, String acceptEncoding) throws IOException, InterruptedException {
        return read(show.showId(), acceptEncoding);
    }

    private HttpResponse<byte[]> read(UUID showId, String acceptEncoding) throws IOException, InterruptedException {
        return read(showId, acceptEncoding, null);
    }

    private HttpResponse<byte[]> read(ShowScheduled show, String acceptEncoding, UUID customerId)
            throws IOException, InterruptedException {
        return read(show.showId(), acceptEncoding, customerId);
    }

    private HttpResponse<byte[]> read(UUID showId, String acceptEncoding, UUID customerId)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/shows/" + showId + "/seats"));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        GatewayIdentity.headers(customerId == null ? null : customerId.toString(), null, null).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static UUID showThatDoesNotExist() {
        return UUID.randomUUID();
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String status(JsonNode map, String seatId) {
        return seatOf(map, seatId).path("status").asString();
    }

    private static JsonNode seatOf(JsonNode map, String seatId) {
        for (JsonNode row : map.path("rows")) {
            for (JsonNode seat : row.path("seats")) {
                if (seat.path("seatId").asString().equals(seatId)) {
                    return seat;
                }
            }
        }
        throw new AssertionError("No seat " + seatId);
    }

    private JsonApi customer(UUID customerId) {
        return JsonApi.asGateway("http://127.0.0.1:" + port).withHeader("X-Customer-Id", customerId.toString());
    }
}
