package io.ticketing.starter.client;

import java.net.http.HttpClient;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;

/**
 * This service as it calls another: its name and its signature over it, which the other service verifies
 * ({@code CallerVerification}), and the observation of each call (an {@code http.client.requests} timer and a
 * client span whose W3C trace context goes with the request, so the other service's work joins the trace).
 */
public final class InternalCaller {

    private final String name;
    private final CallerSignatures signatures;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    public InternalCaller(String name, CallerSignatures signatures, Clock clock, MeterRegistry meters,
            ObservationRegistry observations) {
        this.name = name;
        this.signatures = signatures;
        this.clock = clock;
        this.meters = meters;
        this.observations = observations;
    }

    /** {@code client}, observed: each request it sends is timed and traced. */
    public HttpClient observed(HttpClient client) {
        return MicrometerHttpClient.instrumentationBuilder(client, meters).observationRegistry(observations).build();
    }

    public String name() {
        return name;
    }

    /** The signature header's value for a call made now, on no customer's behalf. */
    public String signature() {
        return signatures.sign(new CallerSignatures.Identity(name, null, null, null), clock.instant().getEpochSecond());
    }
}
