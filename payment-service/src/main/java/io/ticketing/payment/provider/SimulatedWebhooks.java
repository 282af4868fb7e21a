package io.ticketing.payment.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.Stripe;

import io.micrometer.context.ContextSnapshotFactory;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.client.InternalCaller;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the simulated provider's events as Stripe does: an event object of Stripe's shape, POSTed to the
 * webhook endpoint with a {@code Stripe-Signature} header, signed anew for every attempt and retried with growing
 * pauses until the endpoint answers 2xx. Undelivered events live in memory only: a restart forgets them, which a
 * local stand-in for Stripe may do. Sent straight to payment-service rather than through the gateway, each delivery
 * is also signed as this service's internal call, which the service's door asks of every caller, and carries the
 * trace of the request that caused it (the confirmation), so that a simulated purchase is one trace from the
 * customer's click to the ticket mail. Stripe's own webhooks start a trace of their own.
 */
public class SimulatedWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedWebhooks.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    private final ScheduledExecutorService deliveries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("simulated-webhooks").factory());
    private final Supplier<URI> endpoint;
    private final String secret;
    private final InternalCaller caller;
    private final Clock clock;
    private final JsonMapper json;

    public SimulatedWebhooks(Supplier<URI> endpoint, String secret, InternalCaller caller, Clock clock,
            JsonMapper json) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.caller = caller;
        this.http = caller.observed(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        this.clock = clock;
        this.json = json;
    }

    /** Sends an event of {@code type} about {@code object}, in the background. */
    void send(String type, Map<String, Object> object) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", "evt_sim_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        var request = new LinkedHashMap<String, Object>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = json.writeValueAsString(event);
        deliveries.execute(snapshots.captureAll().wrap(() -> deliver(payload, FIRST_RETRY)));
    }

    private void deliver(String payload, Duration pause) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.get()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature(payload, secret, clock.instant().getEpochSecond()))
                    .header(CallerSignatures.CALLER_HEADER, caller.name())
                    .header(CallerSignatures.SIGNATURE_HEADER, caller.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return;
            }
            log.warn("The webhook endpoint answered {}; the event is sent again in {}", response.statusCode(), pause);
        }
        catch (IOException ex) {
            log.warn("The webhook endpoint could not be reached ({}); the event is sent again in {}", ex.toString(),
                    pause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration next = pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause.multipliedBy(2);
        if (!deliveries.isShutdown()) {
            deliveries.schedule(snapshots.captureAll().wrap(() -> deliver(payload, next)), pause.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the secret>}. */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
