-- Holds seats of one show, all or none, in one atomic step: free seats for a customer, or seats kept for the
-- waiting line for the waiter they are offered to. The hold's times come from Redis's clock (TIME), the one
-- clock every instance's sweeper also judges leases by.
-- KEYS: 1 seats (seatId -> AVAILABLE | KEPT | SOLD | BLOCKED | HELD:<holdId>), 2 counts (available, kept, held),
--       3 fence (fencing token counter), 4 holds (holdId -> customerId|token|expiresAt|seat,seat,...),
--       5 customers (customerId -> seats held), 6 idempotency key (may be a key never used), 7 expiry index,
--       8 the hold's lease key (expires with the lease: Redis announces its expiry)
-- ARGV: 1 holdId, 2 customerId, 3 hold time (ms, the 5 minutes), 4 grace (ms), 5 max seats per customer,
--       6 "1" when an idempotency key was given, 7 the status the seats must have: AVAILABLE, or KEPT for an offer
--       to a waiter, 8 the hold the idempotency key may still name although it was never recorded ('' if none):
--       the key is taken over, 9 the latest moment (ms, Redis's clock) this attempt may take seats ('0': any time),
--       10.. seatIds
-- Returns {outcome, detail, expiresAt}: HELD token expiresAt(ms) | EXISTING holdId | NO_SHOW | INVALID_SEATS |
--          SHOW_FULL | SEATS_UNAVAILABLE | SEATS_HELD | TOO_MANY_SEATS seatsAlreadyHeld | LATE
-- Run again for the same hold (the client retried after losing the answer), it answers what the first run took.
-- Run after its latest moment (a paused Redis runs the commands it postponed when it resumes, long after the
-- caller gave up), it takes nothing: LATE. The caller that gave up frees the hold after that moment, so an attempt
-- either took its seats in time and is freed, or never takes them.
-- Numbers are written with string.format('%d'): Lua 5.1 prints numbers above 14 digits in exponent form.
local entry = redis.call('HGET', KEYS[4], ARGV[1])
if entry then
  local _, token, expiresAt = string.match(entry, '^([^|]*)|([^|]*)|([^|]*)|')
  return {'HELD', token, expiresAt}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if tonumber(ARGV[9]) > 0 and now > tonumber(ARGV[9]) then
  return {'LATE', ''}
end
if ARGV[6] == '1' then
  local existing = redis.call('GET', KEYS[6])
  if existing and existing ~= ARGV[8] then
    return {'EXISTING', existing}
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_SHOW', ''}
end
local from = ARGV[7]
local taken, held = 0, 0
for i = 10, #ARGV do
  local status = redis.call('HGET', KEYS[1], ARGV[i])
  if not status then
    return {'INVALID_SEATS', ARGV[i]}
  elseif status == 'SOLD' or status == 'BLOCKED' then
    taken = taken + 1
  elseif status ~= from then
    held = held + 1
  end
end
if taken > 0 then
  local available = tonumber(redis.call('HGET', KEYS[2], 'available') or '0')
  local heldSeats = tonumber(redis.call('HGET', KEYS[2], 'held') or '0')
  local kept = tonumber(redis.call('HGET', KEYS[2], 'kept') or '0')
  if available == 0 and heldSeats == 0 and kept == 0 then
    return {'SHOW_FULL', ''}
  end
  return {'SEATS_UNAVAILABLE', ''}
end
if held > 0 then
  return {'SEATS_HELD', ''}
end
local count = #ARGV - 9
local already = tonumber(redis.call('HGET', KEYS[5], ARGV[2]) or '0')
if already + count > tonumber(ARGV[5]) then
  return {'TOO_MANY_SEATS', tostring(already)}
end
local expiresAt = string.format('%d', now + tonumber(ARGV[3]))
local leaseEnd = string.format('%d', now + tonumber(ARGV[3]) + tonumber(ARGV[4]))
local lease = string.format('%d', math.max(1, tonumber(ARGV[3]) + tonumber(ARGV[4])))
local token = string.format('%d', redis.call('INCR', KEYS[3]))
local seats, changes = {}, {}
for i = 10, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], 'HELD:' .. ARGV[1])
  seats[#seats + 1] = ARGV[i]
  changes[#changes + 1] = ARGV[i] .. '=HELD'
end
redis.call('HINCRBY', KEYS[2], from == 'KEPT' and 'kept' or 'available', -count)
redis.call('HINCRBY', KEYS[2], 'held', count)
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2] .. '|' .. token .. '|' .. expiresAt .. '|' .. table.concat(seats, ','))
redis.call('HINCRBY', KEYS[5], ARGV[2], count)
redis.call('ZADD', KEYS[7], leaseEnd, ARGV[1])
redis.call('SET', KEYS[8], ARGV[2], 'PX', lease)
-- Seat changes go out in the order they happen: a sequence number per show, on the show's channel.
redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
if ARGV[6] == '1' then
  redis.call('SET', KEYS[6], ARGV[1], 'PX', lease)
end
return {'HELD', token, expiresAt}
