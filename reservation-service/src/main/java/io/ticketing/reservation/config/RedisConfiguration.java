package io.ticketing.reservation.config;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties redis) {
        Config config = new Config();
        // scripts go by their SHA-1 (EVALSHA), loaded once per Redis start, not as text with every call
        config.setUseScriptCache(true);
        config.useSingleServer()
                .setAddress("redis://" + redis.host() + ":" + redis.port())
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16);
        return Redisson.create(config);
    }

    /** Readiness includes Redis: without it no hold can be taken. */
    @Bean
    HealthIndicator redisHealthIndicator(RedissonClient redisson) {
        return () -> redisson.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).pingAll()
                ? Health.up().build()
                : Health.down().build();
    }
}
