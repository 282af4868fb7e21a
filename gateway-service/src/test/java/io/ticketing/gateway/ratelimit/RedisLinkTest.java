package io.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedisLinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void reachesTheLocalStacksRedisAsBefore() {
        var uri = RedisLink.uris(new RedisAddress("127.0.0.1", 16379, null, null, false, null, null), TIMEOUT)
                .getFirst();

        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(16379);
        assertThat(uri.isSsl()).isFalse();
        assertThat(uri.getCredentialsProvider().resolveCredentials().block().hasPassword()).isFalse();
    }

    @Test
    void givesAManagedRedisItsCredentialsOverTls() {
        var uri = RedisLink.uris(new RedisAddress("redis.example.com", 6380, "gateway", "s3cret", true, null, null),
                TIMEOUT).getFirst();

        assertThat(uri.isSsl()).isTrue();
        var credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.getUsername()).isEqualTo("gateway");
        assertThat(new String(credentials.getPassword())).isEqualTo("s3cret");
    }

    @Test
    void findsTheMasterThroughSentinels() {
        var uri = RedisLink.uris(new RedisAddress(null, 0, null, null, false,
                new RedisAddress.Sentinel("tickets", List.of("sentinel-0:26379", "sentinel-1:26379")), null), TIMEOUT)
                .getFirst();

        assertThat(uri.getSentinelMasterId()).isEqualTo("tickets");
        assertThat(uri.getSentinels()).extracting(sentinel -> sentinel.getHost() + ":" + sentinel.getPort())
                .containsExactly("sentinel-0:26379", "sentinel-1:26379");
    }

    @Test
    void findsAClusterFromTheNodesGivenWithTheirCredentials() {
        var uris = RedisLink.uris(new RedisAddress(null, 0, "gateway", "s3cret", true, null,
                new RedisAddress.Cluster(List.of("redis-0:6379", "redis-1:6379"))), TIMEOUT);

        assertThat(uris).extracting(node -> node.getHost() + ":" + node.getPort())
                .containsExactly("redis-0:6379", "redis-1:6379");
        assertThat(uris).allSatisfy(node -> {
            assertThat(node.isSsl()).isTrue();
            assertThat(node.getCredentialsProvider().resolveCredentials().block().getUsername()).isEqualTo("gateway");
        });
    }
}
