package io.ticketing.benchmarks;

import java.time.Instant;
import java.util.List;

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
}
