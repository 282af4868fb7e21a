-- Puts the seats of a cancelled booking back on sale and off the customer's count; while customers wait in
-- the show's line, the seats are KEPT for it (shown as held) instead. Seats the booking's hold still holds count as
-- the booking's: its BookingConfirmed has not arrived yet (an outbox resend after the cancellation), so the hold
-- ends here and the seats go back as if they had been sold.
-- KEYS: 1 seats, 2 counts, 4 holds, 5 customers, 7 expiry index, 8 the hold's lease, 9 line (3 and 6 unused: one
--       key layout)
-- ARGV: 1 customerId, 2 holdId ('' when unknown), 3.. seatIds
-- Returns 'NO_SHOW', or how many of the booking's seats are KEPT now, whether this call kept them or an earlier
-- attempt did (one whose transaction failed after this script): the line is told again, which is harmless.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_SHOW'
end
local to, shown, counter = 'AVAILABLE', 'AVAILABLE', 'available'
if redis.call('SCARD', KEYS[9]) > 0 then
  to, shown, counter = 'KEPT', 'HELD', 'kept'
end
local ownHold = 'HELD:' .. ARGV[2]
local changes, wasHeld, kept = {}, 0, 0
for i = 3, #ARGV do
  local status = redis.call('HGET', KEYS[1], ARGV[i])
  if status == 'SOLD' or (ARGV[2] ~= '' and status == ownHold) then
    if status == ownHold then
      wasHeld = wasHeld + 1
    end
    redis.call('HSET', KEYS[1], ARGV[i], to)
    changes[#changes + 1] = ARGV[i] .. '=' .. shown
    status = to
  end
  if status == 'KEPT' then
    kept = kept + 1
  end
end
if ARGV[2] ~= '' then
  redis.call('HDEL', KEYS[4], ARGV[2])
  redis.call('ZREM', KEYS[7], ARGV[2])
  redis.call('DEL', KEYS[8])
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], counter, #changes)
  -- (never HINCRBY by -0: Redis refuses "-0" as an integer)
  if wasHeld > 0 then
    redis.call('HINCRBY', KEYS[2], 'held', -wasHeld)
  end
  if redis.call('HINCRBY', KEYS[5], ARGV[1], -#changes) <= 0 then
    redis.call('HDEL', KEYS[5], ARGV[1])
  end
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
return kept
