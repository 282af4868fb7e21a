package io.ticketing.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import reactor.core.publisher.Mono;

/**
 * The gateway's one connection to Redis (to each node it needs, of a Redis Cluster: Lettuce routes every script by
 * its keys' slot), opened (and, after a failed attempt, opened again) in the background, so that no request ever
 * waits for it longer than its caller's timeout.
 *
 * <p>Why not Spring Data Redis: its shared connection is opened by a blocking connect on the thread of the first
 * command, which in the gateway is an event loop, under a lock. While Redis did not answer (paused, or slow to
 * accept on a busy machine), each request in turn held its event loop for the whole handshake timeout and every
 * request queued behind it waited too: answers came tens of seconds to minutes late although the limiter had
 * long given up on Redis. Here the connect is asynchronous; once open, Lettuce reconnects it by itself within a
 * second of Redis coming back, and refuses commands while disconnected instead of queueing them.
 */
@Component
public class RedisLink implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    /** One attempt to open the connection: TCP connect, then the handshake. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Pause after a failed attempt before the next request starts another one. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** A backstop behind the callers' own, shorter timeouts: no command waits for Redis longer than this. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** How often a cluster's nodes and slots are read again, besides whenever an answer says they changed. */
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final List<RedisURI> uris;
    private CompletableFuture<StatefulConnection<String, String>> connection;
    private long retryAt;
    private boolean unreachable;
    private boolean closed;

    RedisLink(RedisAddress address) {
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.uris = uris(address, CONNECT_TIMEOUT);
        if (address.clustered()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
            cluster.setOptions(ClusterClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                    .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                    // a failover or a slot that moved is learnt from the first answer that tells of it
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH).enableAllAdaptiveRefreshTriggers().build())
                    .build());
            this.client = cluster;
        }
        else {
            RedisClient single = RedisClient.create(resources, uris.getFirst());
            single.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                    .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                    .build());
            this.client = single;
        }
        connection();
    }

    /**
     * The Redis to connect to: one server, the master the sentinels name, or some nodes of a cluster (the client
     * finds the others from them); with credentials and TLS if set.
     */
    static List<RedisURI> uris(RedisAddress address, Duration timeout) {
        List<RedisURI.Builder> builders = new ArrayList<>();
        if (address.clustered()) {
            for (String node : address.cluster().nodes()) {
                int colon = node.lastIndexOf(':');
                builders.add(RedisURI.builder().withHost(node.substring(0, colon))
                        .withPort(Integer.parseInt(node.substring(colon + 1))));
            }
        }
        else if (address.sentinelled()) {
            RedisURI.Builder builder = RedisURI.builder().withSentinelMasterId(address.sentinel().master());
            for (String node : address.sentinel().nodes()) {
                int colon = node.lastIndexOf(':');
                builder.withSentinel(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
            }
            builders.add(builder);
        }
        else {
            builders.add(RedisURI.builder().withHost(address.host()).withPort(address.port()));
        }
        return builders.stream().map(builder -> {
            if (address.password() != null && !address.password().isEmpty()) {
                builder.withAuthentication(address.username() == null ? "default" : address.username(),
                        address.password().toCharArray());
            }
            return builder.withSsl(address.ssl()).withTimeout(timeout).build();
        }).toList();
    }

    /**
     * Runs a Lua script by its digest, loading it first if Redis does not know it (after a restart, Redis has
     * forgotten every script). Fails at once while the connection cannot be opened; the caller bounds the wait.
     */
    public Mono<List<Object>> run(Script script, List<String> keys, List<String> args) {
        String[] keyArray = keys.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        return Mono.defer(() -> Mono.fromFuture(connection(), true)).map(RedisLink::commands)
                .flatMap(redis -> redis.<List<Object>>evalsha(script.sha1(), ScriptOutputType.MULTI, keyArray, argArray)
                        .next()
                        .onErrorResume(RedisNoScriptException.class, unknown -> redis
                                .<List<Object>>eval(script.text(), ScriptOutputType.MULTI, keyArray, argArray).next()));
    }

    /** Whether Redis answers a PING within {@code timeout}. */
    public Mono<Boolean> ping(Duration timeout) {
        return Mono.defer(() -> Mono.fromFuture(connection(), true))
                .flatMap(open -> commands(open).ping())
                .map("PONG"::equals)
                .timeout(timeout)
                .onErrorReturn(false);
    }

    /** The commands of a connection to one server (or a master) or to a cluster, which routes each by its key. */
    @SuppressWarnings("unchecked")
    private static RedisClusterReactiveCommands<String, String> commands(StatefulConnection<String, String> open) {
        return open instanceof StatefulRedisClusterConnection<?, ?> cluster
                ? ((StatefulRedisClusterConnection<String, String>) cluster).reactive()
                : ((StatefulRedisConnection<String, String>) open).reactive();
    }

    /** The connection, or the attempt to open it that is under way; starts a new attempt after a failed one. */
    private synchronized CompletableFuture<StatefulConnection<String, String>> connection() {
        boolean failed = connection != null && connection.isCompletedExceptionally();
        if (!closed && (connection == null || failed && System.nanoTime() - retryAt >= 0)) {
            // of a cluster, its nodes and slots first: an asynchronous connect does not read them itself
            CompletableFuture<StatefulConnection<String, String>> attempt = client instanceof RedisClusterClient cluster
                    ? cluster.refreshPartitionsAsync().toCompletableFuture()
                            .thenCompose(topology -> cluster.connectAsync(StringCodec.UTF8)).thenApply(open -> open)
                    : ((RedisClient) client).connectAsync(StringCodec.UTF8, uris.getFirst()).toCompletableFuture()
                            .thenApply(open -> open);
            attempt.whenComplete((open, error) -> attempted(error));
            connection = attempt;
        }
        return connection;
    }

    /** Logs the first failure and the success after it, not every attempt in between. */
    private synchronized void attempted(Throwable error) {
        if (error == null) {
            log.info("Connected to Redis at {}", where());
            unreachable = false;
            return;
        }
        retryAt = System.nanoTime() + RETRY_PAUSE.toNanos();
        if (!unreachable) {
            log.warn("Cannot connect to Redis at {}; trying again while requests arrive: {}", where(),
                    error.toString());
        }
        unreachable = true;
    }

    private String where() {
        RedisURI uri = uris.getFirst();
        if (client instanceof RedisClusterClient) {
            return "the cluster of " + uris.stream().map(node -> node.getHost() + ":" + node.getPort()).toList();
        }
        return uri.getSentinelMasterId() != null ? "master " + uri.getSentinelMasterId() + " of " + uri.getSentinels()
                : uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public void destroy() {
        CompletableFuture<StatefulConnection<String, String>> last;
        synchronized (this) {
            closed = true;
            last = connection;
        }
        if (last != null && last.isDone() && !last.isCompletedExceptionally()) {
            last.join().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** A Lua script and the SHA-1 digest Redis knows it by. */
    public record Script(String text, String sha1) {

        /** The script in a file on the class path. */
        public static Script load(String path) {
            try (var in = new ClassPathResource(path).getInputStream()) {
                return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        public static Script of(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
                return new Script(text, HexFormat.of().formatHex(digest));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
