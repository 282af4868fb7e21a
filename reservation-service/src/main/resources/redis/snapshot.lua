-- Reads every seat of one show together with the sequence number of its last change, in one atomic step:
-- no change can fall between the two, so a reader that follows the show's change channel knows exactly
-- which changes its copy already contains (those with a sequence up to the one returned here).
-- KEYS: 1 seats, 2 counts
-- Returns {seq, seatId, status, seatId, status, ...}
local result = redis.call('HGETALL', KEYS[1])
table.insert(result, 1, redis.call('HGET', KEYS[2], 'seq') or '0')
return result
