package io.ticketing.reservation.config;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties redis) {
        return Redisson.create(config(redis));
    }

    /**
     * One Redis (a managed one with credentials and TLS, or the local stack's), a master found by Sentinel, or a Redis
     * Cluster: every script touches the keys of one show, which share a hash slot.
     */
    static Config config(RedisProperties redis) {
        Config config = new Config();
        // scripts go by their SHA-1 (EVALSHA), loaded once per Redis start, not as text with every call
        config.setUseScriptCache(true);
        // connect on first use: a pod whose Redis is not up yet starts and reports not ready (readiness pings Redis)
        // instead of crash-looping, and the image's training run (Dockerfile) starts without a Redis at all
        config.setLazyInitialization(true);
        if (redis.clustered()) {
            var cluster = config.useClusterServers()
                    .setUsername(redis.username())
                    .setPassword(redis.password())
                    .setMasterConnectionMinimumIdleSize(2)
                    .setMasterConnectionPoolSize(16)
                    // every read and write goes to the show's master: holds are decided there
                    .setReadMode(ReadMode.MASTER);
            redis.cluster().nodes().forEach(node -> cluster.addNodeAddress(redis.scheme() + node));
            return config;
        }
        if (redis.sentinelled()) {
            var sentinel = config.useSentinelServers()
                    .setMasterName(redis.sentinel().master())
                    .setUsername(redis.username())
                    .setPassword(redis.password())
                    .setMasterConnectionMinimumIdleSize(2)
                    .setMasterConnectionPoolSize(16)
                    // every read and write goes to the master: holds are decided there
                    .setReadMode(ReadMode.MASTER);
            redis.sentinel().nodes().forEach(node -> sentinel.addSentinelAddress(redis.scheme() + node));
            return config;
        }
        config.useSingleServer()
                .setAddress(redis.scheme() + redis.host() + ":" + redis.port())
                .setUsername(redis.username())
                .setPassword(redis.password())
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16);
        return config;
    }

    /** Readiness includes Redis (every node of a cluster): without it no hold can be taken. */
    @Bean
    HealthIndicator redisHealthIndicator(RedissonClient redisson, RedisProperties redis) {
        return () -> RedisTopology.nodes(redisson, redis).pingAll() ? Health.up().build() : Health.down().build();
    }
}
