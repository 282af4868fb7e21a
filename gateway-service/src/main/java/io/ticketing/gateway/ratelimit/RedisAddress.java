package io.ticketing.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Redis that keeps the rate limits, sign-in challenges and sign-outs runs, and how to reach it:
 * {@code TICKETING_REDIS_HOST}, {@code _PORT}; a managed Redis's credentials ({@code _USERNAME} for an ACL user,
 * {@code _PASSWORD}) and TLS ({@code _SSL=true}); or, with Sentinel, the master's name and the sentinels
 * ({@code _SENTINEL_MASTER}, {@code _SENTINEL_NODES=host:26379,...}) instead of host and port; or a Redis Cluster,
 * some of its nodes ({@code _CLUSTER_NODES=host:6379,...}: the others are found from them).
 */
@ConfigurationProperties("ticketing.redis")
public record RedisAddress(String host, int port, String username, String password, boolean ssl, Sentinel sentinel,
        Cluster cluster) {

    /**
     * @param master the name of the master set the sentinels watch
     * @param nodes the sentinels, {@code host:port} each
     */
    public record Sentinel(String master, List<String> nodes) {
    }

    /** @param nodes some nodes of the cluster, {@code host:port} each */
    public record Cluster(List<String> nodes) {
    }

    boolean sentinelled() {
        return sentinel != null && sentinel.master() != null && !sentinel.master().isBlank();
    }

    boolean clustered() {
        return cluster != null && cluster.nodes() != null && !cluster.nodes().isEmpty();
    }
}
