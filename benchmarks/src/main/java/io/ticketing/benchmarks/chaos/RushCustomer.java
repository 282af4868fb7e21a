package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import io.ticketing.benchmarks.Gateway;
import io.ticketing.benchmarks.SeatMapView;
import io.ticketing.benchmarks.SeatPicker;
import io.ticketing.benchmarks.chaos.RushTally.Event;
import tools.jackson.databind.JsonNode;

/**
 * One customer of the on-sale rush, as a person with a phone would act: look at a show's seat map, hold 1 to 4
 * seats, then pay (the card succeeds, fails, or is confirmed only after the hold's time ran out), release the hold,
 * or walk away and let it expire; cancel some bookings; join the waiting line when others hold the seats, long-poll
 * it, take or release an offer, or give up and leave. Thinks a moment between actions. Stops when told, after its
 * current action, leaving no place in a waiting line behind.
 */
final class RushCustomer implements Runnable {

    private static final Duration FOLLOW_FOR = Duration.ofSeconds(45);

    private final RecordingClient client;
    private final ShowPool shows;
    private final String session;
    private final SplittableRandom random;
    private final RushTally tally;
    private final BooleanSupplier stopping;
    private final Duration holdGrace;

    /** @param holdGrace how much longer than its {@code expiresAt} the server keeps a hold */
    RushCustomer(RecordingClient client, ShowPool shows, String session, SplittableRandom random, RushTally tally,
            BooleanSupplier stopping, Duration holdGrace) {
        this.client = client;
        this.shows = shows;
        this.session = session;
        this.random = random;
        this.tally = tally;
        this.stopping = stopping;
        this.holdGrace = holdGrace;
    }

    @Override
    public void run() {
        try {
            think();
            while (!stopping.getAsBoolean()) {
                Optional<String> show = shows.pick(random);
                if (show.isPresent()) {
                    visit(show.get());
                }
                think();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void visit(String show) throws InterruptedException {
        Optional<Gateway.Response> map = client.get("GET seat map", "/api/v1/shows/" + show + "/seats", session);
        if (map.isEmpty() || !map.get().ok()) {
            return;
        }
        int wanted = 1 + random.nextInt(4);
        List<String> seats = SeatPicker.pick(SeatMapView.from(map.get().json()), wanted, random);
        if (seats.size() < wanted) {
            if (random.nextInt(2) == 0) {
                waitInLine(show, wanted);
            }
            return;
        }
        Optional<Gateway.Response> hold = client.post("POST hold", "/api/v1/shows/" + show + "/holds", session,
                Map.of("seatIds", seats));
        if (hold.isEmpty()) {
            return;
        }
        String code = hold.get().problemCode();
        if (hold.get().status() == 201) {
            tally.add(Event.HOLD);
            decide(hold.get().json());
        }
        else if ("SHOW_FULL".equals(code)) {
            shows.soldOut(show);
        }
        else if ("SEATS_HELD".equals(code) && random.nextInt(3) == 0) {
            waitInLine(show, wanted);
        }
    }

    /** What becomes of a hold the customer got, its own or offered from the waiting line. */
    private void decide(JsonNode hold) throws InterruptedException {
        String holdId = hold.path("holdId").asString();
        Instant expiresAt = instant(hold.path("expiresAt").asString(null));
        int choice = random.nextInt(100);
        if (choice < 40) {
            if (pay(holdId, "succeeded")) {
                follow(holdId);
            }
        }
        else if (choice < 50) {
            pay(holdId, "failed");
            if (random.nextInt(2) == 0) {
                if (pay(holdId, "succeeded")) {
                    follow(holdId);
                }
            }
            else {
                release(holdId);
            }
        }
        else if (choice < 65) {
            release(holdId);
        }
        else if (choice < 80 || expiresAt == null) {
            tally.add(Event.LEFT_TO_EXPIRE);
        }
        else {
            payLate(holdId, expiresAt);
        }
    }

    /** Starts a payment, and after the simulated card step's outcome; false when either got no usable answer. */
    private boolean pay(String holdId, String outcome) throws InterruptedException {
        Optional<String> paymentId = startPayment(holdId);
        return paymentId.isPresent() && confirm(paymentId.get(), outcome);
    }

    private Optional<String> startPayment(String holdId) throws InterruptedException {
        Optional<Gateway.Response> payment = client.post("POST payment", "/api/v1/holds/" + holdId + "/payment",
                session, Map.of());
        if (payment.isEmpty() || !payment.get().ok()) {
            return Optional.empty();
        }
        tally.add(Event.PAYMENT);
        return Optional.of(payment.get().json().path("paymentId").asString());
    }

    private boolean confirm(String paymentId, String outcome) throws InterruptedException {
        Optional<Gateway.Response> confirmed = client.post("POST payment confirm", "/api/v1/payments/" + paymentId
                + "/confirm", session, Map.of("outcome", outcome));
        if (confirmed.isEmpty() || !confirmed.get().ok()) {
            return false;
        }
        tally.add(outcome.equals("succeeded") ? Event.SUCCEEDED : Event.FAILED);
        return true;
    }

    /** Pays while the hold runs, and confirms the card only after its time (and the server's grace) ran out. */
    private void payLate(String holdId, Instant expiresAt) throws InterruptedException {
        Optional<String> paymentId = startPayment(holdId);
        if (paymentId.isEmpty()) {
            return;
        }
        Duration untilLapsed = Duration.between(Instant.now(), expiresAt.plus(holdGrace).plusSeconds(2));
        if (untilLapsed.isPositive()) {
            Thread.sleep(untilLapsed);
        }
        if (confirm(paymentId.get(), "succeeded")) {
            tally.add(Event.LATE);
            follow(holdId);
        }
    }

    /** Watches a paid hold until it is booked or refunded (or the run stops); cancels some bookings. */
    private void follow(String holdId) throws InterruptedException {
        Instant until = Instant.now().plus(FOLLOW_FOR);
        while (Instant.now().isBefore(until) && !stopping.getAsBoolean()) {
            Thread.sleep(1_000);
            Optional<Gateway.Response> hold = client.get("GET hold", "/api/v1/holds/" + holdId, session);
            if (hold.isEmpty() || !hold.get().ok()) {
                continue;
            }
            JsonNode found = hold.get().json();
            switch (found.path("status").asString("")) {
                case "CONFIRMED" -> {
                    tally.add(Event.BOOKED);
                    String bookingId = found.path("bookingId").asString(null);
                    if (bookingId != null && random.nextInt(4) == 0) {
                        cancel(bookingId);
                    }
                    return;
                }
                case "REFUNDED" -> {
                    tally.add(Event.REFUNDED);
                    return;
                }
                default -> {
                    // still on its way: PAYMENT_PENDING, or EXPIRED until a late payment is decided
                }
            }
        }
    }

    private void cancel(String bookingId) throws InterruptedException {
        Optional<Gateway.Response> cancelled = client.post("POST booking cancel", "/api/v1/bookings/" + bookingId
                + "/cancel", session, Map.of());
        if (cancelled.isPresent() && cancelled.get().ok()) {
            tally.add(Event.CANCELLED);
        }
    }

    private void release(String holdId) throws InterruptedException {
        Optional<Gateway.Response> released = client.delete("DELETE hold", "/api/v1/holds/" + holdId, session);
        if (released.isPresent() && released.get().ok()) {
            tally.add(Event.RELEASE);
        }
    }

    /**
     * Joins the show's waiting line and long-polls it until an offer comes, the line ends the entry, or the
     * customer's patience (10 to 60 s) or the run runs out: then it leaves.
     */
    private void waitInLine(String show, int seats) throws InterruptedException {
        Optional<Gateway.Response> joined = client.post("POST waitlist", "/api/v1/shows/" + show + "/waitlist",
                session, Map.of("seatCount", seats));
        if (joined.isEmpty() || joined.get().status() != 201) {
            return;
        }
        tally.add(Event.JOINED);
        String entryId = joined.get().json().path("entryId").asString();
        Instant patience = Instant.now().plusSeconds(10 + random.nextInt(51));
        while (true) {
            long left = Duration.between(Instant.now(), patience).toSeconds();
            if (left < 1 || stopping.getAsBoolean()) {
                leave(entryId);
                return;
            }
            Optional<Gateway.Response> polled = client.longPoll("GET waitlist (long poll)", "/api/v1/waitlist/"
                    + entryId + "?waitSeconds=" + Math.min(30, left), session);
            if (polled.isEmpty() || !polled.get().ok()) {
                Thread.sleep(1_000);
                continue;
            }
            JsonNode entry = polled.get().json();
            switch (entry.path("status").asString("")) {
                case "WAITING" -> {
                    // nothing yet: poll again
                }
                case "OFFERED" -> {
                    tally.add(Event.OFFERED);
                    JsonNode offer = entry.path("offer");
                    if (random.nextInt(10) < 7) {
                        if (pay(offer.path("holdId").asString(), "succeeded")) {
                            follow(offer.path("holdId").asString());
                        }
                    }
                    else {
                        release(offer.path("holdId").asString());
                    }
                    return;
                }
                default -> {
                    return; // EXPIRED, CANCELLED, UNSERVABLE: the line is done with this entry
                }
            }
        }
    }

    /** Leaves the line; tried a few times, since an entry left behind keeps seats for nobody. */
    private void leave(String entryId) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Gateway.Response> left = client.delete("DELETE waitlist", "/api/v1/waitlist/" + entryId, session);
            if (left.isPresent() && (left.get().ok() || left.get().status() == 404)) {
                tally.add(Event.LEFT_LINE);
                return;
            }
            Thread.sleep(2_000);
        }
    }

    private void think() throws InterruptedException {
        Thread.sleep(300 + random.nextInt(1_200));
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
