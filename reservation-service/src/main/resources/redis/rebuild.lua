-- Writes a show's seat state rebuilt from PostgreSQL after Redis lost it, unless someone rebuilt it meanwhile.
-- KEYS: 1 seats, 2 counts, 3 fence, 4 holds, 5 customers, 7 expiry index, 9 line (6 and 8 unused: one key layout)
-- ARGV: 1 the state as JSON: {seats:{id:status}, holds:{holdId:entry}, customers:{id:n}, leases:{holdId:leaseEndMs},
--       line:[entryId], fence, seq} (big numbers as strings: Lua numbers print with 14 digits)
-- Leases run until their end by Redis's clock, the one every lease is judged by.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'EXISTS'
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = cjson.decode(ARGV[1])
local available, held, kept = 0, 0, 0
for seat, status in pairs(state.seats) do
  redis.call('HSET', KEYS[1], seat, status)
  if status == 'AVAILABLE' then
    available = available + 1
  elseif string.sub(status, 1, 5) == 'HELD:' then
    held = held + 1
  elseif status == 'KEPT' then
    kept = kept + 1
  end
end
redis.call('HSET', KEYS[2], 'available', available, 'held', held, 'kept', kept, 'seq', state.seq)
redis.call('SET', KEYS[3], state.fence)
for holdId, entry in pairs(state.holds) do
  redis.call('HSET', KEYS[4], holdId, entry)
end
for customer, seats in pairs(state.customers) do
  redis.call('HSET', KEYS[5], customer, seats)
end
for holdId, leaseEnd in pairs(state.leases) do
  redis.call('ZADD', KEYS[7], leaseEnd, holdId)
  redis.call('SET', KEYS[4] .. ':lease:' .. holdId, '1', 'PX', string.format('%d', math.max(1, tonumber(leaseEnd) - now)))
end
for _, entry in ipairs(state.line) do
  redis.call('SADD', KEYS[9], entry)
end
return 'REBUILT'
