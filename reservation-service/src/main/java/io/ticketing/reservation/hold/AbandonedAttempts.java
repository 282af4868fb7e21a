package io.ticketing.reservation.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.seating.SeatScripts;

/**
 * Hold attempts whose caller gave up on Redis (no answer within Redisson's time and retries). Redis may still run
 * such an attempt — a paused Redis runs the commands it postponed when it resumes — but never after the attempt's
 * latest moment ({@code hold.lua} answers {@code LATE} then). So once Redis's clock is past that moment, whatever the
 * attempt took is freed, with the idempotency key that names it, and the customer's retry takes the seats instead of
 * finding them held by a hold nobody records. While Redis is away this is tried again every second, until the
 * attempt's lease would have ended anyway (the sweeper frees a lease that ended).
 */
@Component
class AbandonedAttempts {

    private static final Logger log = LoggerFactory.getLogger(AbandonedAttempts.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final SeatScripts scripts;

    AbandonedAttempts(SeatScripts scripts) {
        this.scripts = scripts;
    }

    /** Frees the attempt's hold, in the background, once Redis's clock is past {@code notAfter}. */
    void free(UUID showId, UUID holdId, UUID customerId, Optional<String> idempotencyKey, Instant notAfter,
            Duration lease) {
        long giveUpAt = System.nanoTime() + lease.toNanos();
        Thread.ofVirtual().name("abandoned-hold-" + holdId).start(() -> {
            while (true) {
                try {
                    Instant redisNow = scripts.time();
                    if (redisNow.isAfter(notAfter)) {
                        var freed = idempotencyKey.isPresent()
                                ? scripts.discard(showId, holdId, customerId, idempotencyKey.get())
                                : scripts.free(showId, holdId);
                        if (freed instanceof SeatScripts.FreeOutcome.Freed hold) {
                            log.info("Freed seats {} of hold {}: Redis took them after its caller had given up",
                                    hold.seatIds(), holdId);
                        }
                        return;
                    }
                    Thread.sleep(Duration.between(redisNow, notAfter).plusMillis(1));
                }
                catch (RuntimeException redisAway) {
                    if (System.nanoTime() - giveUpAt > 0) {
                        log.warn("Hold {} of an abandoned attempt not freed, its lease will end it: {}", holdId,
                                redisAway.toString());
                        return;
                    }
                    pause();
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
