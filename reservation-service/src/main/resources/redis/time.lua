-- Redis's clock: {seconds, microseconds}, as TIME answers.
return redis.call('TIME')
