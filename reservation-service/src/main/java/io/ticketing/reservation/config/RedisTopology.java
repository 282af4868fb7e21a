package io.ticketing.reservation.config;

import java.util.List;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** The nodes of the Redis the service is configured for: one server, a master and its replicas, or a cluster. */
public final class RedisTopology {

    private RedisTopology() {
    }

    /** The nodes of the Redis the service is configured for. */
    public static BaseRedisNodes nodes(RedissonClient redisson, RedisProperties redis) {
        if (redis.clustered()) {
            return redisson.getRedisNodes(RedisNodes.CLUSTER);
        }
        return redis.sentinelled() ? redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE)
                : redisson.getRedisNodes(RedisNodes.SINGLE);
    }

    /** The masters of the Redis the service is configured for: where keys live and announce their expiry. */
    public static List<RedisNode> masters(RedissonClient redisson, RedisProperties redis) {
        if (redis.clustered()) {
            return List.copyOf(redisson.getRedisNodes(RedisNodes.CLUSTER).getMasters());
        }
        return List.of(redis.sentinelled() ? redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster()
                : redisson.getRedisNodes(RedisNodes.SINGLE).getInstance());
    }
}
