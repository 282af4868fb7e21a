-- Claims the right to report a show's availability for one interval, across instances, and reads its seats.
-- Nothing to do when the last report is current, or when a report was made within the interval (the claim
-- key still lives: whoever holds the dirty show tries again after it expired).
-- KEYS: 1 seats, 2 counts, 3 claim (lives one interval), 4 sequence of the last report
-- ARGV: 1 interval (ms)
-- Returns {'CURRENT'} | {'WAIT'} | {'REPORT', seq, seatId, status, seatId, status, ...}
local seq = redis.call('HGET', KEYS[2], 'seq') or '0'
if redis.call('GET', KEYS[4]) == seq then
  return {'CURRENT'}
end
if not redis.call('SET', KEYS[3], seq, 'NX', 'PX', ARGV[1]) then
  return {'WAIT'}
end
redis.call('SET', KEYS[4], seq)
local result = redis.call('HGETALL', KEYS[1])
table.insert(result, 1, seq)
table.insert(result, 1, 'REPORT')
return result
