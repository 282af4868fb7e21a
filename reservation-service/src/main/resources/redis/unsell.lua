-- Puts the seats of a cancelled booking back on sale and off the customer's count; while customers wait in
-- the show's line, the seats are KEPT for it (shown as held) instead.
-- KEYS: 1 seats, 2 counts, 5 customers, 9 line (the others unused: one key layout)
-- ARGV: 1 customerId, 2.. seatIds
-- Returns 'NO_SHOW', or how many of the seats were kept for the line
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_SHOW'
end
local to, shown, counter = 'AVAILABLE', 'AVAILABLE', 'available'
if redis.call('SCARD', KEYS[9]) > 0 then
  to, shown, counter = 'KEPT', 'HELD', 'kept'
end
local changes = {}
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == 'SOLD' then
    redis.call('HSET', KEYS[1], ARGV[i], to)
    changes[#changes + 1] = ARGV[i] .. '=' .. shown
  end
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], counter, #changes)
  if redis.call('HINCRBY', KEYS[5], ARGV[1], -#changes) <= 0 then
    redis.call('HDEL', KEYS[5], ARGV[1])
  end
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
if to == 'KEPT' then
  return #changes
end
return 0
