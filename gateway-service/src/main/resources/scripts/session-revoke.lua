-- Signs a session out on every gateway instance: KEYS[1] the revocations (a sorted set scored by when each was
-- revoked, on Redis's clock), ARGV[1] the session's id, ARGV[2] when the session would have expired (epoch ms),
-- ARGV[3] how long revocations are kept (ms): longer than any session lives.
-- Returns {the revocation's time}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1] .. ' ' .. ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
return {now}
