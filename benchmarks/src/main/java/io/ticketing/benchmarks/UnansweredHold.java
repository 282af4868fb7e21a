package io.ticketing.benchmarks;

import java.util.List;

/**
 * A hold attempt whose outcome the customer never learnt: no answer before the timeout, or a 5xx from the
 * gateway or the service. The platform may still have taken its seats.
 */
record UnansweredHold(int customer, List<String> seatIds) {

    UnansweredHold {
        seatIds = List.copyOf(seatIds);
    }
}
