package io.ticketing.reservation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redisson.config.ReadMode;

class RedisConfigurationTest {

    @Test
    void reachesTheLocalStacksRedisAsBefore() {
        var config = RedisConfiguration.config(new RedisProperties("127.0.0.1", 16379, null, null, false, null, null));

        assertThat(config.isSingleConfig()).isTrue();
        assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://127.0.0.1:16379");
        assertThat(config.useSingleServer().getPassword()).isNull();
    }

    @Test
    void givesAManagedRedisItsCredentialsOverTls() {
        var config = RedisConfiguration.config(new RedisProperties("redis.example.com", 6380, "reservation",
                "s3cret", true, null, null));

        assertThat(config.useSingleServer().getAddress()).isEqualTo("rediss://redis.example.com:6380");
        assertThat(config.useSingleServer().getUsername()).isEqualTo("reservation");
        assertThat(config.useSingleServer().getPassword()).isEqualTo("s3cret");
    }

    @Test
    void findsTheMasterThroughSentinels() {
        var config = RedisConfiguration.config(new RedisProperties(null, 0, null, "s3cret", false,
                new RedisProperties.Sentinel("tickets", List.of("sentinel-0:26379", "sentinel-1:26379")), null));

        assertThat(config.isSentinelConfig()).isTrue();
        var sentinel = config.useSentinelServers();
        assertThat(sentinel.getMasterName()).isEqualTo("tickets");
        assertThat(sentinel.getSentinelAddresses()).containsExactly("redis://sentinel-0:26379", "redis://sentinel-1:26379");
        assertThat(sentinel.getPassword()).isEqualTo("s3cret");
    }

    @Test
    void findsAClustersNodesFromTheOnesGivenOverTls() {
        var config = RedisConfiguration.config(new RedisProperties(null, 0, "reservation", "s3cret", true, null,
                new RedisProperties.Cluster(List.of("redis-0:6379", "redis-1:6379"))));

        assertThat(config.isClusterConfig()).isTrue();
        var cluster = config.useClusterServers();
        assertThat(cluster.getNodeAddresses()).containsExactly("rediss://redis-0:6379", "rediss://redis-1:6379");
        assertThat(cluster.getUsername()).isEqualTo("reservation");
        assertThat(cluster.getPassword()).isEqualTo("s3cret");
        assertThat(cluster.getReadMode()).isEqualTo(ReadMode.MASTER);
    }
}
