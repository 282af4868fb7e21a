-- What a seat-map read needs to know first, in one round trip: the show's sequence (of its last change) and how many
-- of its seats the caller holds (0 for an anonymous reader), so that most readers get the map as everyone sees it.
-- KEYS: 1 counts, 2 customers
-- ARGV: 1 customerId ('' for none)
-- Returns {seq ('' when Redis has no seat state of the show: lost, to be rebuilt), seats the customer holds}
local held = 0
if ARGV[1] ~= '' then
  held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
end
return {redis.call('HGET', KEYS[1], 'seq') or '', held}
