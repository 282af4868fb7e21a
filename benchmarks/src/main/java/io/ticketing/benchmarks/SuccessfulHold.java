package io.ticketing.benchmarks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A {@code 201} answer to a hold attempt, as the customer received it.
 *
 * @param customer the benchmark customer's number
 * @param seatIds the seats the answer says are held
 * @param expiresAt when the hold ends, as the answer says
 * @param answeredAt when the customer read the answer (this machine's clock)
 */
record SuccessfulHold(int customer, String holdId, List<String> seatIds, Instant expiresAt, Instant answeredAt) {

    SuccessfulHold {
        seatIds = List.copyOf(seatIds);
    }

    /** The hold a customer's {@code 201} answer describes, read now. */
    static SuccessfulHold of(int customer, Gateway.Response answer) {
        JsonNode hold = answer.json();
        List<String> seatIds = new ArrayList<>();
        hold.path("seatIds").forEach(seat -> seatIds.add(seat.asString()));
        try {
            return new SuccessfulHold(customer, hold.path("holdId").asString(), seatIds,
                    Instant.parse(hold.path("expiresAt").asString()), Instant.now());
        }
        catch (DateTimeParseException ex) {
            throw new IllegalStateException("A hold answer without a valid expiresAt: " + answer.text(), ex);
        }
    }
}
