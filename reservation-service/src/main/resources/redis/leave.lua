-- Removes an entry from the show's waiting line. When it was the last, nobody is left to keep seats for: every kept
-- seat goes back on sale in the same step, so kept seats never outlast the line, whatever failed meanwhile (the
-- entry's leave may come long after the waiter left, and no other call has to follow it).
-- KEYS: 1 seats, 2 counts, 9 line (the others unused: one key layout)
-- ARGV: 1 entryId
-- Returns the number of seats put back on sale
redis.call('SREM', KEYS[9], ARGV[1])
if redis.call('SCARD', KEYS[9]) > 0 or tonumber(redis.call('HGET', KEYS[2], 'kept') or '0') <= 0 then
  return 0
end
local seats = redis.call('HGETALL', KEYS[1])
local changes = {}
for i = 1, #seats, 2 do
  if seats[i + 1] == 'KEPT' then
    redis.call('HSET', KEYS[1], seats[i], 'AVAILABLE')
    changes[#changes + 1] = seats[i] .. '=AVAILABLE'
  end
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], 'kept', -#changes)
  redis.call('HINCRBY', KEYS[2], 'available', #changes)
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
return #changes
