-- Marks the seats of a booking SOLD (booking-service decided; this only mirrors it) and ends its hold's lease.
-- KEYS: 1 seats, 2 counts, 4 holds, 5 customers, 7 expiry index, 8 lease (3, 6 and 9 unused: one key layout)
-- ARGV: 1 holdId, 2 customerId, 3.. seatIds
-- Seats of the hold were counted for the customer already; others (the hold had lapsed) are counted now, as
-- bought seats count against the customer's limit like held ones. Seats sold already are left alone.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_SHOW'
end
local changes, wasAvailable, wasKept, wasHeld, added = {}, 0, 0, 0, 0
local ownHold = 'HELD:' .. ARGV[1]
for i = 3, #ARGV do
  local status = redis.call('HGET', KEYS[1], ARGV[i])
  if status and status ~= 'SOLD' then
    if status == ownHold then
      wasHeld = wasHeld + 1
    else
      added = added + 1
      if status == 'AVAILABLE' then
        wasAvailable = wasAvailable + 1
      elseif status == 'KEPT' then
        wasKept = wasKept + 1
      elseif string.sub(status, 1, 5) == 'HELD:' then
        wasHeld = wasHeld + 1
      end
    end
    redis.call('HSET', KEYS[1], ARGV[i], 'SOLD')
    changes[#changes + 1] = ARGV[i] .. '=SOLD'
  end
end
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[7], ARGV[1])
redis.call('DEL', KEYS[8])
if added > 0 then
  redis.call('HINCRBY', KEYS[5], ARGV[2], added)
end
-- (never HINCRBY by -0: Redis refuses "-0" as an integer, and a failing script keeps the writes before it)
if wasAvailable > 0 then
  redis.call('HINCRBY', KEYS[2], 'available', -wasAvailable)
end
if wasKept > 0 then
  redis.call('HINCRBY', KEYS[2], 'kept', -wasKept)
end
if wasHeld > 0 then
  redis.call('HINCRBY', KEYS[2], 'held', -wasHeld)
end
if #changes > 0 then
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
return 'SOLD'
