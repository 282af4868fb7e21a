-- Claims the right to report a show's availability for one interval, across instances. Nothing to do when the
-- counts are no newer than the last report, or when a report was made within the interval (the claim key still
-- lives: whoever holds the changed show tries again after it expired).
-- KEYS: 1 claim (lives one interval), 2 sequence of the last report
-- ARGV: 1 interval (ms), 2 the sequence of the counts to report (of the last change they include)
-- Returns 'CURRENT' | 'WAIT' | 'REPORT' (AvailabilityReports.Claim)
local last = tonumber(redis.call('GET', KEYS[2]) or '-1')
if last >= tonumber(ARGV[2]) then
  return 'CURRENT'
end
if not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[1]) then
  return 'WAIT'
end
redis.call('SET', KEYS[2], ARGV[2])
return 'REPORT'
