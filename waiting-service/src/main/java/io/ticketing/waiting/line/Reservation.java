package io.ticketing.waiting.line;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.ticketing.starter.RequestRejectedException;
import io.ticketing.starter.client.InternalClients;

/**
 * reservation-service as the waiting line uses it (service to service): a show's seat counts, entering and
 * leaving the show's line (while it has entries, freed seats are kept for it), offering kept seats to waiters as
 * holds, a round of waiters per call (and withdrawing one), and putting kept seats back on sale. The waiting rooms
 * ask it for seat counts too: whether a show exists, and whether any seat is left.
 */
@Component
public class Reservation {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ReservationClient client;

    Reservation(WaitingProperties properties, InternalClients clients) {
        this.client = clients.create(ReservationClient.class, properties.reservationUrl(), TIMEOUT,
                Set.of(HttpStatus.NOT_FOUND), () -> RequestRejectedException.unavailable("RESERVATION_UNAVAILABLE",
                        "The show's seats cannot be reached right now; try again in a moment"));
    }

    /** Seats kept for the line count as held: they too may come to a waiter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(int total, int available, int held, int kept) {
    }

    /** A hold of kept seats made for a waiter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offer(UUID holdId, List<String> seatIds, Instant expiresAt) {
    }

    /** The show's counts; empty for a show reservation-service does not sell. */
    public Optional<Counts> counts(UUID showId) {
        try {
            return Optional.of(client.counts(showId));
        }
        catch (HttpClientErrorException.NotFound ex) {
            return Optional.empty();
        }
    }

    /**
     * Passes on who joined the show's line ({@code entered}) and who left it ({@code left}); idempotent, and an entry
     * that left stays out.
     */
    void line(UUID showId, List<UUID> entered, List<UUID> left) {
        client.line(showId, new ReservationClient.LineChanges(entered, left));
    }

    /**
     * What became of one waiter in a round of offers: {@code OFFERED} with the {@code hold}; {@code REFUSED} when the
     * waiter may not hold that many more seats of the show (the next waiter was served); {@code NOT_ENOUGH_KEPT} or
     * {@code FAILED} for the waiter the round stopped at.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcome(UUID entryId, Kind outcome, Offer hold) {

        enum Kind {
            OFFERED, REFUSED, NOT_ENOUGH_KEPT, FAILED
        }
    }

    /**
     * A round of offers: kept seats held for each waiter in turn, in the order given, up to the first waiter who cannot
     * be served (the last outcome then says why). The same entry offered again gets the same hold.
     */
    List<Outcome> offer(UUID showId, List<Entry> waiters) {
        return client.offer(showId, new ReservationClient.Waiters(waiters.stream()
                .map(waiter -> new ReservationClient.Waiter(waiter.entryId(), waiter.customerId(), waiter.seatCount()))
                .toList())).outcomes();
    }

    /** Takes back an offer's hold that could not be recorded: released, its seats kept for the line again. */
    void withdraw(UUID showId, UUID holdId) {
        client.withdraw(showId, holdId);
    }

    /** Puts every seat kept for the show's line back on sale. */
    void releaseKept(UUID showId) {
        client.releaseKept(showId);
    }
}
