-- Puts seats kept for the waiting line back on sale: those named, when no waiter can use them any more.
-- KEYS: 1 seats, 2 counts (the others unused: one key layout)
-- ARGV: 1.. seatIds
-- Returns the number of seats put back
local changes = {}
for i = 1, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == 'KEPT' then
    redis.call('HSET', KEYS[1], ARGV[i], 'AVAILABLE')
    changes[#changes + 1] = ARGV[i] .. '=AVAILABLE'
  end
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], 'kept', -#changes)
  redis.call('HINCRBY', KEYS[2], 'available', #changes)
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
return #changes
