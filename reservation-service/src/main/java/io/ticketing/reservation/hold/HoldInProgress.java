package io.ticketing.reservation.hold;

import java.time.Duration;
import java.util.UUID;

import io.ticketing.starter.RequestRejectedException;

/**
 * A request retried with its idempotency key while the first attempt's hold is still being recorded: not an
 * error of the client's, nor a hold that does not exist. The client asks again after {@link #RETRY_AFTER} and gets
 * that hold ({@code 503 HOLD_IN_PROGRESS}).
 */
public class HoldInProgress extends RequestRejectedException {

    /** How long the client waits before asking again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    HoldInProgress(UUID holdId) {
        super(Reason.UNAVAILABLE, "HOLD_IN_PROGRESS",
                "Hold " + holdId + " of this request is still being recorded; ask again in a moment");
    }
}
