-- Frees the seats of a hold (released or expired), once: a second call finds no hold and changes nothing.
-- While customers wait in the show's line, freed seats are KEPT for it (shown as held) instead of AVAILABLE.
-- A hold that was never recorded (its record failed) also lets go of the idempotency key that names it, so that the
-- customer's retry with that key takes a hold instead of finding one that does not exist.
-- KEYS: 1 seats, 2 counts, 4 holds, 5 customers, 6 idempotency key (may be a key never used), 7 expiry index,
--       8 lease, 9 line (3 unused: one key layout)
-- ARGV: 1 holdId
-- Returns {} when the hold is gone already, {'NO_SHOW'} when the show has no seat state (Redis lost it), else
-- {customerId, token, expiresAt, seats}
local entry = redis.call('HGET', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[7], ARGV[1])
redis.call('DEL', KEYS[8])
if redis.call('GET', KEYS[6]) == ARGV[1] then
  redis.call('DEL', KEYS[6])
end
if not entry then
  if redis.call('EXISTS', KEYS[1]) == 0 then
    return {'NO_SHOW'}
  end
  return {}
end
local customer, token, expiresAt, seatList = string.match(entry, '^([^|]*)|([^|]*)|([^|]*)|(.*)$')
local to, shown, counter = 'AVAILABLE', 'AVAILABLE', 'available'
if redis.call('SCARD', KEYS[9]) > 0 then
  to, shown, counter = 'KEPT', 'HELD', 'kept'
end
local count, changes = 0, {}
for seat in string.gmatch(seatList, '[^,]+') do
  count = count + 1
  if redis.call('HGET', KEYS[1], seat) == 'HELD:' .. ARGV[1] then
    redis.call('HSET', KEYS[1], seat, to)
    changes[#changes + 1] = seat .. '=' .. shown
  end
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], counter, #changes)
  redis.call('HINCRBY', KEYS[2], 'held', -#changes)
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HINCRBY', KEYS[5], customer, -count) <= 0 then
  redis.call('HDEL', KEYS[5], customer)
end
return {customer, token, expiresAt, seatList}
