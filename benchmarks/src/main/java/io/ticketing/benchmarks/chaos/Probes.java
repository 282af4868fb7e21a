package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.SeatMapView;
import io.ticketing.benchmarks.SeatPicker;
import tools.jackson.databind.JsonNode;

/**
 * How the harness tells that the platform recovered from a fault: the hit service's readiness probe answers again,
 * and operations through the gateway that need it succeed — a hold and its release, a whole purchase (hold, payment,
 * the simulated card, the booking over Kafka, its tickets, its cancellation), a waiting-line join and leave, a
 * catalog write. Each probe runs on shows of its own, so the rush's shows are left to the customers.
 */
final class Probes {

    /** How long after a fault ended until every probe of the component succeeded; or the last failure. */
    record Recovery(boolean recovered, Instant at, String lastFailure) {
    }

    @FunctionalInterface
    private interface Attempt {

        /** @return null when the probe succeeded, else what failed */
        String attempt(Instant deadline) throws IOException, InterruptedException;
    }

    /** A probe and its name, which says what failed. */
    private record Probe(String name, Attempt attempt) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration POLL_PAUSE = Duration.ofMillis(250);

    private final Gateway gateway;
    private final String apiKey;
    private final String adminKey;
    private final CustomerSessions sessions;
    private final String purchaseShow;
    private final String lineShow;
    private final Redis redis;
    private final HttpClient readiness = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SplittableRandom random = new SplittableRandom(7);
    private final AtomicInteger customers = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Object holdLock = new Object();
    private final Object lineLock = new Object();
    private String holdSession;
    private String lineHolder;
    private String lineWaiter;
    private String lineHold;
    private String lineEntry;

    /**
     * @param purchaseShow a show of its own for holds and purchases (each purchase is cancelled again)
     * @param lineShow a show of two seats, which one probe customer holds while another joins its line
     */
    Probes(Gateway gateway, String apiKey, String adminKey, CustomerSessions sessions, String purchaseShow,
            String lineShow, Redis redis) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
        this.sessions = sessions;
        this.purchaseShow = purchaseShow;
        this.lineShow = lineShow;
        this.redis = redis;
    }

    /**
     * Runs the probes of the fault's component, each until it succeeds once, until the deadline at most; readiness is
     * that of the instance it hit.
     */
    Recovery await(Fault fault, Instant deadline) throws InterruptedException {
        for (Probe probe : probes(fault.target(), fault.instance())) {
            String failure;
            while ((failure = attempt(probe, deadline)) != null) {
                if (!Instant.now().isBefore(deadline)) {
                    return new Recovery(false, Instant.now(), failure);
                }
                Thread.sleep(RETRY_PAUSE);
            }
        }
        return new Recovery(true, Instant.now(), null);
    }

    private static String attempt(Probe probe, Instant deadline) throws InterruptedException {
        String failure;
        try {
            failure = probe.attempt().attempt(deadline);
        }
        catch (IOException | RuntimeException ex) {
            failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": "
                    + ex.getMessage();
        }
        return failure == null ? null : probe.name() + ": " + failure;
    }

    private List<Probe> probes(Component component, int instance) {
        Probe ready = new Probe(component.label(instance) + " readiness", deadline -> ready(component, instance));
        Probe hold = new Probe("hold and release", deadline -> holdAndRelease());
        Probe purchase = new Probe("purchase", deadline -> purchase(false, deadline));
        Probe purchaseWithTickets = new Probe("purchase with tickets", deadline -> purchase(true, deadline));
        Probe line = new Probe("waiting-line join and leave", deadline -> joinAndLeave());
        return switch (component) {
            case GATEWAY -> List.of(ready, hold);
            case CATALOG -> List.of(ready, new Probe("catalog write", deadline -> catalogWrite()));
            case RESERVATION -> List.of(ready, hold, purchase);
            case BOOKING, PAYMENT -> List.of(ready, purchase);
            case NOTIFICATION -> List.of(ready, purchaseWithTickets);
            case WAITING -> List.of(ready, line);
            case REDIS -> List.of(new Probe("Redis PING", deadline -> redis.ping() ? null : "no answer"), hold, line);
            case KAFKA -> List.of(purchaseWithTickets);
        };
    }

    private String ready(Component service, int instance) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort(instance)
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        int status = readiness.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status == 200 ? null : "answered " + status;
    }

    /** A hold of one seat of the purchase show, released again. */
    private String holdAndRelease() throws IOException, InterruptedException {
        synchronized (holdLock) {
            if (holdSession == null) {
                holdSession = sessions.open("chaos-probe-" + run + "-holds@example.com");
            }
            Gateway.Response hold = holdOneSeat(holdSession);
            if (hold.status() != 201) {
                return "hold answered " + answer(hold);
            }
            Gateway.Response released = gateway.delete("/api/v1/holds/" + hold.json().path("holdId").asString(),
                    apiKey, holdSession);
            return released.status() == 204 ? null : "release answered " + answer(released);
        }
    }

    /**
     * A whole purchase by a new customer: one seat held, paid, the card confirmed, the hold CONFIRMED once the
     * booking came back over Kafka (with its tickets, when asked), and the booking cancelled so the seat is free again.
     */
    private String purchase(boolean tickets, Instant deadline) throws IOException, InterruptedException {
        String session = sessions.open("chaos-probe-" + run + "-" + customers.incrementAndGet() + "@example.com");
        Gateway.Response hold = holdOneSeat(session);
        if (hold.status() != 201) {
            return "hold answered " + answer(hold);
        }
        String holdId = hold.json().path("holdId").asString();
        Gateway.Response payment = retry(deadline, () -> gateway.post("/api/v1/holds/" + holdId + "/payment", apiKey,
                session, Map.of()));
        if (!payment.ok()) {
            return "payment answered " + answer(payment);
        }
        String paymentId = payment.json().path("paymentId").asString();
        Gateway.Response confirmed = retry(deadline, () -> gateway.post("/api/v1/payments/" + paymentId + "/confirm",
                apiKey, session, Map.of("outcome", "succeeded")));
        if (!confirmed.ok()) {
            return "card step answered " + answer(confirmed);
        }
        String status = "";
        String bookingId = null;
        while (Instant.now().isBefore(deadline)) {
            Gateway.Response found = gateway.get("/api/v1/holds/" + holdId, apiKey, session);
            status = found.ok() ? found.json().path("status").asString("") : "answered " + answer(found);
            if (status.equals("CONFIRMED")) {
                bookingId = found.json().path("bookingId").asString(null);
                break;
            }
            if (status.equals("REFUNDED")) {
                return "the probe's payment was refunded instead of booked";
            }
            Thread.sleep(POLL_PAUSE);
        }
        if (bookingId == null) {
            return "paid hold not CONFIRMED: " + status;
        }
        String booking = bookingId;
        if (tickets) {
            int issued = 0;
            while (issued == 0 && Instant.now().isBefore(deadline)) {
                Gateway.Response found = gateway.get("/api/v1/bookings/" + booking, apiKey, session);
                issued = found.ok() ? found.json().path("tickets").size() : 0;
                if (issued == 0) {
                    Thread.sleep(POLL_PAUSE);
                }
            }
            if (issued == 0) {
                return "booking " + booking + " has no tickets";
            }
        }
        Gateway.Response cancelled = retry(deadline, () -> gateway.post("/api/v1/bookings/" + booking + "/cancel",
                apiKey, session, Map.of()));
        return cancelled.ok() ? null : "cancellation answered " + answer(cancelled);
    }

    /**
     * One probe customer holds both seats of the line show; another joins its line and leaves again; then the hold
     * is released. What a previous attempt left (a hold, an entry) is undone first.
     */
    private String joinAndLeave() throws IOException, InterruptedException {
        synchronized (lineLock) {
            if (lineHolder == null) {
                lineHolder = sessions.open("chaos-probe-" + run + "-line-holder@example.com");
                lineWaiter = sessions.open("chaos-probe-" + run + "-line-waiter@example.com");
            }
            if (lineEntry != null) {
                Gateway.Response left = gateway.delete("/api/v1/waitlist/" + lineEntry, apiKey, lineWaiter);
                if (!left.ok() && left.status() != 404) {
                    return "leaving the line answered " + answer(left);
                }
                lineEntry = null;
            }
            if (lineHold != null) {
                Gateway.Response released = gateway.delete("/api/v1/holds/" + lineHold, apiKey, lineHolder);
                if (!released.ok()) {
                    return "release answered " + answer(released);
                }
                lineHold = null;
            }
            Gateway.Response hold = gateway.post("/api/v1/shows/" + lineShow + "/holds", apiKey, lineHolder,
                    Map.of("seatIds", List.of("A1", "A2")));
            if (hold.status() != 201) {
                return "holding the line show answered " + answer(hold);
            }
            lineHold = hold.json().path("holdId").asString();
            Gateway.Response joined = gateway.post("/api/v1/shows/" + lineShow + "/waitlist", apiKey, lineWaiter,
                    Map.of("seatCount", 1));
            if (joined.status() != 201) {
                return "joining the line answered " + answer(joined);
            }
            lineEntry = joined.json().path("entryId").asString();
            Gateway.Response left = gateway.delete("/api/v1/waitlist/" + lineEntry, apiKey, lineWaiter);
            if (!left.ok()) {
                return "leaving the line answered " + answer(left);
            }
            lineEntry = null;
            Gateway.Response released = gateway.delete("/api/v1/holds/" + lineHold, apiKey, lineHolder);
            if (!released.ok()) {
                return "release answered " + answer(released);
            }
            lineHold = null;
            return null;
        }
    }

    /** A write to the catalog's database (a city) and a read of the purchase show. */
    private String catalogWrite() throws IOException, InterruptedException {
        Gateway.Response city = gateway.post("/api/v1/admin/cities", adminKey, Map.of("name", "Chaos probe "
                + run + "-" + customers.incrementAndGet(), "country", "NL", "latitude", 52.0, "longitude", 5.0,
                "timeZone", "Europe/Amsterdam"));
        if (city.status() != 201) {
            return "creating a city answered " + answer(city);
        }
        Gateway.Response show = gateway.get("/api/v1/admin/shows/" + purchaseShow, adminKey);
        return show.ok() ? null : "reading a show answered " + answer(show);
    }

    private Gateway.Response holdOneSeat(String session) throws IOException, InterruptedException {
        Gateway.Response map = gateway.get("/api/v1/shows/" + purchaseShow + "/seats", apiKey, session);
        if (!map.ok()) {
            return map;
        }
        List<String> seat;
        synchronized (random) {
            seat = SeatPicker.pick(SeatMapView.from(map.json()), 1, random);
        }
        if (seat.isEmpty()) {
            throw new IllegalStateException("the probe show has no available seat");
        }
        return gateway.post("/api/v1/shows/" + purchaseShow + "/holds", apiKey, session, Map.of("seatIds", seat));
    }

    @FunctionalInterface
    private interface Request {

        Gateway.Response send() throws IOException, InterruptedException;
    }

    /** A request sent again while it gets no answer or a 5xx, until the deadline. */
    private static Gateway.Response retry(Instant deadline, Request request) throws IOException, InterruptedException {
        while (true) {
            try {
                Gateway.Response response = request.send();
                if (response.status() < 500 || !Instant.now().isBefore(deadline)) {
                    return response;
                }
            }
            catch (IOException ex) {
                if (!Instant.now().isBefore(deadline)) {
                    throw ex;
                }
            }
            Thread.sleep(RETRY_PAUSE);
        }
    }

    private static String answer(Gateway.Response response) {
        return response.status() + Optional.ofNullable(response.problemCode()).map(code -> " " + code).orElse("");
    }

    /** Used once the setup is done: learns the hold time and the server's grace from a real hold and its lease. */
    HoldTimes holdTimes() throws IOException, InterruptedException {
        String session = sessions.open("chaos-probe-" + run + "-timer@example.com");
        Gateway.Response hold = holdOneSeat(session);
        Instant now = Instant.now();
        if (hold.status() != 201) {
            throw new IllegalStateException("A first hold answered " + answer(hold) + ": " + hold.text());
        }
        JsonNode body = hold.json();
        Instant expiresAt = Instant.parse(body.path("expiresAt").asString());
        String holdId = body.path("holdId").asString();
        Object leaseLeft = redis.command("PTTL", "show:{" + purchaseShow + "}:holds:lease:" + holdId);
        Instant leaseEnd = Instant.now().plusMillis(leaseLeft instanceof Long millis && millis > 0 ? millis : 0);
        gateway.delete("/api/v1/holds/" + holdId, apiKey, session);
        Duration ttl = Duration.ofSeconds(Math.round(Duration.between(now, expiresAt).toMillis() / 1000.0));
        Duration grace = leaseLeft instanceof Long millis && millis > 0
                ? Duration.ofSeconds(Math.max(0, Math.round(Duration.between(expiresAt, leaseEnd).toMillis() / 1000.0)))
                : Duration.ofSeconds(5);
        return new HoldTimes(ttl, grace);
    }

    /** How long a hold lasts, and how much longer the server keeps it. */
    record HoldTimes(Duration ttl, Duration grace) {
    }
}
