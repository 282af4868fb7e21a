package io.ticketing.starter;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one rule for customers' resources: a customer sees only their own. Someone else's hold or booking is
 * answered exactly like one that does not exist (404), so ids cannot be probed.
 */
public final class Ownership {

    private Ownership() {
    }

    public static <T> T ownedBy(UUID customer, Optional<T> resource, Function<T, UUID> owner, String notFoundCode,
            String what) {
        return resource.filter(found -> customer.equals(owner.apply(found)))
                .orElseThrow(() -> RequestRejectedException.notFound(notFoundCode, what + " does not exist"));
    }
}
