package io.ticketing.reservation.hold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.ticketing.reservation.seating.SeatKeys;

/**
 * The Lua scripts that take and free seats. Each runs atomically in Redis: checking every seat and taking
 * them all happens in one step, so two customers can never both get a seat, and a hold is all or nothing.
 */
@Component
class HoldScripts {

    private final RScript scripts;
    private final String hold = load("redis/hold.lua");
    private final String free = load("redis/free.lua");

    HoldScripts(RedissonClient redis) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
    }

    /** What the hold script answered: an outcome and its detail (the fencing token when held). */
    record Outcome(String outcome, String detail) {
    }

    Outcome hold(UUID showId, UUID holdId, UUID customerId, List<String> seatIds, Instant expiresAt,
            Instant leaseEnds, Instant now, int maxPerCustomer, Optional<String> idempotencyKey) {
        SeatKeys keys = SeatKeys.of(showId);
        List<Object> args = new ArrayList<>(List.of(holdId.toString(), customerId.toString(),
                Long.toString(expiresAt.toEpochMilli()), Long.toString(leaseEnds.toEpochMilli()),
                Long.toString(now.toEpochMilli()), Integer.toString(maxPerCustomer),
                idempotencyKey.isPresent() ? "1" : "0"));
        args.addAll(seatIds);
        List<Object> result = scripts.eval(RScript.Mode.READ_WRITE, hold, RScript.ReturnType.LIST,
                keys(keys, holdId, keys.idempotency(customerId, idempotencyKey.orElse("-"))), args.toArray());
        return new Outcome((String) result.get(0), (String) result.get(1));
    }

    /** A freed hold, or empty when it was freed already (by a release, the sweeper or another instance). */
    record Freed(UUID customerId, long fencingToken, List<String> seatIds) {
    }

    Optional<Freed> free(UUID showId, UUID holdId) {
        SeatKeys keys = SeatKeys.of(showId);
        List<Object> result = scripts.eval(RScript.Mode.READ_WRITE, free, RScript.ReturnType.LIST,
                keys(keys, holdId, ""), holdId.toString());
        if (result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Freed(UUID.fromString((String) result.get(0)), Long.parseLong((String) result.get(1)),
                List.of(((String) result.get(3)).split(","))));
    }

    private static List<Object> keys(SeatKeys keys, UUID holdId, String idempotency) {
        return List.of(keys.seats(), keys.counts(), keys.fence(), keys.holds(), keys.customers(),
                idempotency.isEmpty() ? keys.holds() + ":none" : idempotency, SeatKeys.EXPIRING, keys.lease(holdId));
    }

    private static String load(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
