-- Offers a sign-in code: KEYS[1] the challenge, KEYS[2] the client address's answer counter; ARGV[1] the digest of the
-- code offered, ARGV[2] attempts allowed per challenge, ARGV[3] answers allowed per client address in a window of
-- ARGV[4] ms.
-- Returns {1, e-mail address} for the right code (the challenge is used up with it), {0, attempts left} for a wrong one
-- (none left: the challenge is void), {-1} for no such challenge (never asked for, expired, used or void), {-2, ms until
-- the client address may answer again}.
local answered = redis.call('INCR', KEYS[2])
if answered == 1 then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
if answered > tonumber(ARGV[3]) then
  return {-2, math.max(redis.call('PTTL', KEYS[2]), 0)}
end
local digest = redis.call('HGET', KEYS[1], 'digest')
if not digest then
  return {-1}
end
if digest == ARGV[1] then
  local email = redis.call('HGET', KEYS[1], 'email')
  redis.call('DEL', KEYS[1])
  return {1, email}
end
local left = tonumber(ARGV[2]) - redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if left <= 0 then
  redis.call('DEL', KEYS[1])
  left = 0
end
return {0, left}
