-- The holds of one show whose lease has ended by Redis's clock, the one clock every lease is judged by (instances'
-- clocks may differ from it and from each other).
-- KEYS: 1 the show's expiry index (member: holdId, score: lease end in ms)
-- ARGV: 1 how many at most
-- Returns {how many holds the index has, due holdId...}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now), 'LIMIT', 0, tonumber(ARGV[1]))
table.insert(due, 1, redis.call('ZCARD', KEYS[1]))
return due
