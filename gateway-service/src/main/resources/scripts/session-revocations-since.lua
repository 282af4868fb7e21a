-- The revocations from ARGV[1] on (epoch ms on Redis's clock, inclusive): KEYS[1] the revocations.
-- Returns {member, score, member, score, ...}, members being "<session id> <expiry epoch ms>".
return redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf', 'WITHSCORES')
