-- Blocks free seats (all or none) or unblocks blocked ones, for the venue.
-- KEYS: 1 seats, 2 counts (the others unused: one key layout)
-- ARGV: 1 '1' to block, '0' to unblock, 2.. seatIds
-- Returns {outcome, detail}: DONE seq | NO_SHOW | INVALID_SEATS seatId | SEATS_HELD seatId | SEATS_UNAVAILABLE seatId,
-- where seq is the show's change sequence after the change: the version of the block or unblock
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_SHOW', ''}
end
local block = ARGV[1] == '1'
for i = 2, #ARGV do
  local status = redis.call('HGET', KEYS[1], ARGV[i])
  if not status then
    return {'INVALID_SEATS', ARGV[i]}
  elseif block and status == 'SOLD' then
    return {'SEATS_UNAVAILABLE', ARGV[i]}
  elseif block and (string.sub(status, 1, 5) == 'HELD:' or status == 'KEPT') then
    return {'SEATS_HELD', ARGV[i]}
  end
end
local from, to = 'AVAILABLE', 'BLOCKED'
if not block then
  from, to = 'BLOCKED', 'AVAILABLE'
end
local changes = {}
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == from then
    redis.call('HSET', KEYS[1], ARGV[i], to)
    changes[#changes + 1] = ARGV[i] .. '=' .. to
  end
end
if #changes > 0 then
  redis.call('HINCRBY', KEYS[2], 'available', block and -#changes or #changes)
  redis.call('PUBLISH', KEYS[1] .. ':changes', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)) .. '|' .. table.concat(changes, ','))
end
return {'DONE', redis.call('HGET', KEYS[2], 'seq') or '0'}
