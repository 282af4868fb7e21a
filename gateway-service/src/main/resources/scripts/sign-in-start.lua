-- Asks for a sign-in code: KEYS[1] the e-mail address's counter, KEYS[2] the client address's counter, KEYS[3] the
-- challenge. ARGV[1] codes allowed per e-mail address and ARGV[2] per client address in one window of ARGV[3] ms;
-- ARGV[4] the e-mail address, ARGV[5] the digest of the code, ARGV[6] how long the code is valid (ms).
-- Returns {1} when the challenge is stored, {0, which limit (1 e-mail, 2 client address), ms until it resets}.
for i = 1, 2 do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used >= tonumber(ARGV[i]) then
    return {0, i, math.max(redis.call('PTTL', KEYS[i]), 0)}
  end
end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[3])
  end
end
redis.call('HSET', KEYS[3], 'email', ARGV[4], 'digest', ARGV[5], 'attempts', 0)
redis.call('PEXPIRE', KEYS[3], ARGV[6])
return {1}
