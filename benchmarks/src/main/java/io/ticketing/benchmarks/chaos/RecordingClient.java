package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.benchmarks.Gateway;

/**
 * A customer's requests through the gateway, each one counted in {@link Answers}: answered (by status and code,
 * and whether in time) or not. Every request waits longer than the gateway's limit for it — 30 s, 45 s for a long
 * poll — so that a gateway that does not keep its limit shows as a late or missing answer, not as the client giving up.
 * <p>
 * Where several gateway instances run, requests go to each in turn, and one that a gateway refused goes to the next,
 * as does a read ({@code GET}) whose connection broke before its answer: what a load balancer in front of them does
 * (nginx's {@code proxy_next_upstream error}), which the local stack does not have. Any other request that reached a
 * gateway is never sent again, and nothing is sent again after a timeout.
 */
final class RecordingClient {

    /** The gateway's time limit for a request, and for a long poll of the waiting line. */
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final Duration LONG_POLL_LIMIT = Duration.ofSeconds(45);
    /** How much longer than the limit a client waits before it counts the request as unanswered. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @FunctionalInterface
    private interface Call {

        Gateway.Response send(Gateway gateway) throws IOException, InterruptedException;
    }

    private final List<Gateway> gateways;
    private final List<Gateway> longPolls;
    private final String apiKey;
    private final Answers answers;
    private final AtomicInteger turn = new AtomicInteger();

    /** @param bases the gateway instances' addresses */
    RecordingClient(List<URI> bases, String apiKey, Answers answers) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("No gateway");
        }
        this.gateways = bases.stream().map(base -> new Gateway(base, LIMIT.plus(PATIENCE))).toList();
        this.longPolls = bases.stream().map(base -> new Gateway(base, LONG_POLL_LIMIT.plus(PATIENCE))).toList();
        this.apiKey = apiKey;
        this.answers = answers;
    }

    Optional<Gateway.Response> get(String request, String path, String session) throws InterruptedException {
        return send(request, LIMIT, gateways, true, client -> client.get(path, apiKey, session));
    }

    /** A long poll ({@code ?waitSeconds=}), which the gateway gives a longer limit. */
    Optional<Gateway.Response> longPoll(String request, String path, String session) throws InterruptedException {
        return send(request, LONG_POLL_LIMIT, longPolls, true, client -> client.get(path, apiKey, session));
    }

    Optional<Gateway.Response> post(String request, String path, String session, Object body)
            throws InterruptedException {
        return send(request, LIMIT, gateways, false, client -> client.post(path, apiKey, session, body));
    }

    Optional<Gateway.Response> delete(String request, String path, String session) throws InterruptedException {
        return send(request, LIMIT, gateways, false, client -> client.delete(path, apiKey, session));
    }

    /** Empty when no answer came (counted as such). */
    private Optional<Gateway.Response> send(String request, Duration limit, List<Gateway> clients, boolean read,
            Call call) throws InterruptedException {
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        int first = clients.size() == 1 ? 0 : Math.floorMod(turn.getAndIncrement(), clients.size());
        for (int tried = 1;; tried++) {
            try {
                Gateway.Response response = call.send(clients.get((first + tried - 1) % clients.size()));
                answers.answered(request, response.status(), response.ok() ? null : response.problemCode(), sentAt,
                        Duration.ofNanos(System.nanoTime() - started), limit);
                return Optional.of(response);
            }
            catch (IOException ex) {
                boolean next = ex instanceof ConnectException || read && !(ex instanceof HttpTimeoutException);
                if (!next || tried == clients.size()) {
                    answers.unanswered(request, ex, sentAt, Duration.ofNanos(System.nanoTime() - started));
                    return Optional.empty();
                }
            }
        }
    }
}
