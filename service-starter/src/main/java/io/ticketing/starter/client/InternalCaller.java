package io.ticketing.starter.client;

import java.time.Clock;

import io.ticketing.identity.CallerSignatures;

/**
 * This service as it calls another: its name and its signature over it, which the other service verifies
 * ({@code CallerVerification}).
 */
public final class InternalCaller {

    private final String name;
    private final CallerSignatures signatures;
    private final Clock clock;

    public InternalCaller(String name, CallerSignatures signatures, Clock clock) {
        this.name = name;
        this.signatures = signatures;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** The signature header's value for a call made now, on no customer's behalf. */
    public String signature() {
        return signatures.sign(new CallerSignatures.Identity(name, null, null, null), clock.instant().getEpochSecond());
    }
}
