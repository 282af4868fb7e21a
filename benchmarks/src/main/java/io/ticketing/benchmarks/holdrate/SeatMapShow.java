package io.ticketing.benchmarks.holdrate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.SeatMapView;
import io.ticketing.benchmarks.Sessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The show the seat-map phase reads, made busy as in an on-sale before the phase: a third of its seat pairs, scattered
 * over the hall, are held through the gateway by a few customers, five pairs each (the 10 seats a customer may hold of
 * a show), so the map the readers get is neither all {@code AVAILABLE} nor sold out. The pairs are drawn with a fixed
 * seed: every run holds the same ones, and the map compresses alike. Then one answer of each kind is fetched, to say
 * how many bytes a reader gets: gzipped, as the phase asks for it, and plain.
 */
final class SeatMapShow {

    /** One pair in this many is held. */
    static final int HELD_ONE_IN = 3;
    private static final long SEED = 14;
    /** Customers holding their pairs at the same time, each its pairs one after another. */
    private static final int HOLDERS_AT_ONCE = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Gateway gateway;
    private final String apiKey;
    private final String adminKey;
    private final String showId;
    private final int seats;
    private final int seatsPerRow;

    SeatMapShow(Gateway gateway, String apiKey, String adminKey, String showId, int seats, int seatsPerRow) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
        this.showId = showId;
        this.seats = seats;
        this.seatsPerRow = seatsPerRow;
    }

    String showId() {
        return showId;
    }

    String path() {
        return "/api/v1/shows/" + showId + "/seats";
    }

    /**
     * What holding the pairs took.
     *
     * @param pairs the pairs sent, two seats each
     * @param customers the customers that sent them, five pairs each (the last maybe fewer)
     * @param statuses the answers by HTTP status: {@code 201} when the pair was held
     * @param unanswered holds that got no answer (timeout, connection closed)
     */
    record Holding(int pairs, int customers, Map<Integer, Long> statuses, long unanswered) {

        Holding {
            statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        }

        long held() {
            return statuses.getOrDefault(201, 0L);
        }

        /** {@code 201 × 333}, then {@code no answer × 2} when some got none. */
        String answers() {
            List<String> parts = new ArrayList<>();
            statuses.forEach((status, count) -> parts.add(String.format(Locale.ROOT, "%d × %,d", status, count)));
            if (unanswered > 0) {
                parts.add(String.format(Locale.ROOT, "no answer × %,d", unanswered));
            }
            return parts.isEmpty() ? "-" : String.join(", ", parts);
        }
    }

    /**
     * One answer of each kind, as the gateway sent them.
     *
     * @param gzipped the body's bytes when gzip is accepted, as sent (compressed when {@code gzipEncoded})
     * @param gzipEncoded whether that answer said {@code Content-Encoding: gzip}
     * @param plain the body's bytes without {@code Accept-Encoding}
     * @param seatsByStatus the plain map's seats by status, in the order the map names them first
     */
    record Answers(int gzipped, boolean gzipEncoded, int plain, Map<String, Long> seatsByStatus) {

        Answers {
            seatsByStatus = Collections.unmodifiableMap(seatsByStatus);
        }

        /** {@code 1,334 AVAILABLE, 666 HELD}. */
        String seats() {
            return seatsByStatus.entrySet().stream()
                    .map(entry -> String.format(Locale.ROOT, "%,d %s", entry.getValue(), entry.getKey()))
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * The pairs to hold, numbered from 0 as {@link WrkScripts#seatIds} numbers them, in ascending order: one in
     * {@value #HELD_ONE_IN} of {@code pairs}, rounded down, drawn at random with a fixed seed.
     */
    static List<Long> heldPairs(int pairs) {
        List<Long> all = LongStream.range(0, pairs).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(all, new Random(SEED));
        return all.subList(0, pairs / HELD_ONE_IN).stream().sorted().toList();
    }

    /** Customers that hold {@code pairs} pairs, {@value WrkScripts#HOLDS_PER_CUSTOMER} each at most. */
    static int customers(int pairs) {
        return (pairs + WrkScripts.HOLDS_PER_CUSTOMER - 1) / WrkScripts.HOLDS_PER_CUSTOMER;
    }

    /**
     * Starts a session per customer ({@link Sessions}, {@code <emailPrefix><n>@example.com}) and holds
     * the pairs through the gateway, customer {@code n} the pairs {@code 5n} to {@code 5n + 4} of {@link #heldPairs}.
     * A hold refused or unanswered is counted, not retried: the map is busy all the same, and the phase prints what
     * it shows.
     */
    Holding makeBusy(String emailPrefix, PrintStream out) throws IOException, InterruptedException {
        List<Long> pairs = heldPairs(seats / WrkScripts.SEATS_PER_HOLD);
        int customers = customers(pairs.size());
        List<Sessions.Session> sessions = Sessions.start(gateway, adminKey, emailPrefix, customers, out);
        Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
        var unanswered = new AtomicLong();
        var next = new AtomicInteger();
        List<Future<?>> holders = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int holder = 0; holder < Math.min(HOLDERS_AT_ONCE, customers); holder++) {
                holders.add(threads.submit(() -> {
                    for (int customer = next.getAndIncrement(); customer < customers;
                            customer = next.getAndIncrement()) {
                        int from = customer * WrkScripts.HOLDS_PER_CUSTOMER;
                        String token = sessions.get(customer).token();
                        for (long pair : pairs.subList(from, Math.min(from + WrkScripts.HOLDS_PER_CUSTOMER,
                                pairs.size()))) {
                            try {
                                Gateway.Response hold = gateway.post("/api/v1/shows/" + showId + "/holds", apiKey,
                                        token, Map.of("seatIds", WrkScripts.seatIds(pair, seatsPerRow)));
                                statuses.merge(hold.status(), 1L, Long::sum);
                            }
                            catch (IOException ex) {
                                unanswered.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> holder : holders) {
                holder.get();
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Holding seats of the seat-map show failed: " + ex.getCause(),
                    ex.getCause());
        }
        return new Holding(pairs.size(), customers, statuses, unanswered.get());
    }

    /**
     * {@code GET} the map twice with the API key and no session, as the phase's readers: once accepting gzip, once
     * without {@code Accept-Encoding}; fails unless both answer 200.
     */
    Answers answers() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<byte[]> gzipped = get(client, true);
            HttpResponse<byte[]> plain = get(client, false);
            boolean gzipEncoded = gzipped.headers().firstValue("Content-Encoding")
                    .filter("gzip"::equalsIgnoreCase).isPresent();
            return new Answers(gzipped.body().length, gzipEncoded, plain.body().length, seatsByStatus(plain.body()));
        }
    }

    private static Map<String, Long> seatsByStatus(byte[] plain) {
        SeatMapView map;
        try {
            map = SeatMapView.from(JSON.readTree(plain));
        }
        catch (RuntimeException notJson) {
            throw new IllegalStateException("The seat map without Accept-Encoding is not JSON: " + notJson, notJson);
        }
        return map.statuses().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }

    private HttpResponse<byte[]> get(HttpClient client, boolean gzip) throws IOException, InterruptedException {
        URI uri = gateway.base().resolve(path());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("X-API-Key", apiKey).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + (gzip ? " with" : " without") + " Accept-Encoding: gzip "
                    + "answered " + response.statusCode() + ": " + new String(response.body(),
                            StandardCharsets.UTF_8));
        }
        return response;
    }
}
