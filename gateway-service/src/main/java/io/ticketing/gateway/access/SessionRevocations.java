package io.ticketing.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.ticketing.gateway.PeriodicRefresh;
import io.ticketing.gateway.ratelimit.RedisLink;
import reactor.core.publisher.Mono;

/**
 * Sessions signed out before they expire. A sign-out is written to Redis first, then applies at once on the
 * instance that took it; every other gateway instance reads new sign-outs from Redis every {@value #POLL_MILLIS} ms
 * (and all of them when it starts), so a token stops working everywhere within that time. Checking a session costs
 * a look-up in this instance's memory, never a call to Redis. Sign-outs are kept in Redis as long as a session can
 * live, then dropped: by then the token has expired anyway.
 */
@Component
public class SessionRevocations extends PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);
    static final String KEY = "sessions:revoked";
    private static final long POLL_MILLIS = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final RedisLink.Script REVOKE = RedisLink.Script.load("scripts/session-revoke.lua");
    private static final RedisLink.Script SINCE = RedisLink.Script.load("scripts/session-revocations-since.lua");

    private final RedisLink redis;
    private final Clock clock;
    private final Duration kept;
    /** Revoked session id to the epoch millisecond its token expires. */
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private volatile long readUpTo;
    private volatile boolean failing;

    SessionRevocations(RedisLink redis, Clock clock, AccessProperties properties) {
        super(Duration.ofMillis(POLL_MILLIS));
        this.redis = redis;
        this.clock = clock;
        this.kept = properties.sessions().ttl().plusHours(1);
    }

    public boolean isRevoked(CustomerSession session) {
        return revoked.containsKey(session.sessionId());
    }

    /** Signs the session out everywhere; fails with a 503 (and changes nothing) if Redis cannot record it. */
    public Mono<Void> revoke(CustomerSession session) {
        long expires = session.expiresAt().toEpochMilli();
        return redis.run(REVOKE, List.of(KEY), List.of(session.sessionId(), String.valueOf(expires),
                        String.valueOf(kept.toMillis())))
                .timeout(TIMEOUT)
                .doOnNext(recorded -> remember(session.sessionId(), expires))
                .onErrorMap(error -> new SignInChallenges.SignInRefused(HttpStatus.SERVICE_UNAVAILABLE,
                        "SIGN_OUT_UNAVAILABLE", "Signing out is not possible right now; try again shortly"))
                .then();
    }

    /** A sign-out this instance now refuses: of the session {@code sessionId}, whose token expires then. */
    void remember(String sessionId, long expiresEpochMilli) {
        revoked.put(sessionId, expiresEpochMilli);
    }

    /** Reads the sign-outs recorded since the last read, and forgets those whose tokens have expired. */
    @Override
    protected Mono<Void> refresh() {
        long from = readUpTo;
        return redis.run(SINCE, List.of(KEY), List.of(String.valueOf(from)))
                .timeout(TIMEOUT)
                .doOnNext(entries -> {
                    long latest = from;
                    for (int i = 0; i + 1 < entries.size(); i += 2) {
                        String[] member = String.valueOf(entries.get(i)).split(" ", 2);
                        remember(member[0], Long.parseLong(member[1]));
                        latest = Math.max(latest, (long) Double.parseDouble(String.valueOf(entries.get(i + 1))));
                    }
                    readUpTo = latest;
                    long now = clock.millis();
                    revoked.values().removeIf(expires -> expires <= now);
                    if (failing) {
                        log.info("Reading sign-outs from Redis again");
                        failing = false;
                    }
                })
                .onErrorResume(error -> {
                    if (!failing) {
                        log.warn("Cannot read sign-outs from Redis; sessions signed out on other gateway instances "
                                + "keep working here until it answers: {}", error.toString());
                        failing = true;
                    }
                    return Mono.empty();
                })
                .then();
    }
}
