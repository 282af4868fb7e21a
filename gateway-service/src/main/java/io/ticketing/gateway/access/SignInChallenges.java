package io.ticketing.gateway.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.ticketing.gateway.ratelimit.RedisLink;
import io.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * Proof that a customer reads an e-mail address: a random 6-digit code is mailed to it, and whoever sends the code
 * back before it expires, within the allowed attempts, signs in as that address's customer. Challenges live in
 * Redis, so any gateway instance takes the code that another one mailed; only a digest of the code is stored, and
 * a code is used up by its first right answer. How often codes are mailed is limited per e-mail address (nobody
 * floods someone's inbox) and per client address (nobody collects challenges to guess at), as are the answers per
 * client address; a wrong answer costs one of the challenge's attempts. Without Redis nobody can sign in: the
 * answer is 503, never a weaker check.
 */
@Component
public class SignInChallenges {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final RedisLink.Script START = RedisLink.Script.load("scripts/sign-in-start.lua");
    private static final RedisLink.Script REDEEM = RedisLink.Script.load("scripts/sign-in-redeem.lua");
    /**
     * Every key of sign-in shares one hash tag: a script's keys must lie in one slot of a Redis Cluster, and the
     * codes asked for an address, from a client address, and their challenges are counted together.
     */
    private static final String KEYS = "sign-in:{sign-in}:";

    private final RedisLink redis;
    private final SignInMail mail;
    private final AccessProperties.SignIn settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInChallenges(RedisLink redis, SignInMail mail, AccessProperties properties, Clock clock) {
        this.redis = redis;
        this.mail = mail;
        this.settings = properties.signIn();
        this.clock = clock;
    }

    public record Challenge(UUID challengeId, Instant expiresAt) {
    }

    /** Mails a new code to {@code email}, asked for from {@code clientAddress}. */
    public Mono<Challenge> start(String email, String clientAddress) {
        String address = CustomerIds.normalized(email);
        UUID challengeId = UUID.randomUUID();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = clock.instant().plus(settings.codeTtl());
        return redis.run(START,
                        List.of(KEYS + "email:" + ApiClients.sha256(address), KEYS + "client:" + clientAddress,
                                key(challengeId)),
                        List.of(String.valueOf(settings.codesPerEmail()), String.valueOf(settings.codesPerClient()),
                                String.valueOf(settings.window().toMillis()), address,
                                ApiClients.sha256(challengeId + ":" + code),
                                String.valueOf(settings.codeTtl().toMillis())))
                .timeout(TIMEOUT)
                .onErrorMap(error -> unavailable())
                .flatMap(result -> {
                    if (((Number) result.get(0)).intValue() == 1) {
                        return mail.send(challengeId, address, code, expiresAt)
                                .thenReturn(new Challenge(challengeId, expiresAt));
                    }
                    boolean perEmail = ((Number) result.get(1)).intValue() == 1;
                    return Mono.error(tooMany(perEmail ? "Too many codes were sent to this e-mail address"
                            : "Too many sign-in codes were asked for from this address",
                            retryAfterSeconds(((Number) result.get(2)).longValue())));
                });
    }

    /**
     * The e-mail address the code was mailed to, if {@code code} is the right answer to the challenge. A client
     * address may answer as often as the codes it may ask for have attempts, per window, whichever challenges it names.
     */
    public Mono<String> redeem(UUID challengeId, String code, String clientAddress) {
        return redis.run(REDEEM, List.of(key(challengeId), KEYS + "answers:" + clientAddress),
                        List.of(ApiClients.sha256(challengeId + ":" + code), String.valueOf(settings.attempts()),
                                String.valueOf(settings.codesPerClient() * settings.attempts()),
                                String.valueOf(settings.window().toMillis())))
                .timeout(TIMEOUT)
                .onErrorMap(error -> unavailable())
                .flatMap(result -> switch (((Number) result.get(0)).intValue()) {
                    case 1 -> Mono.just(String.valueOf(result.get(1)));
                    case 0 -> Mono.error(incorrect(((Number) result.get(1)).intValue()));
                    case -2 -> Mono.error(tooMany("Too many sign-in codes were tried from this address",
                            retryAfterSeconds(((Number) result.get(1)).longValue())));
                    default -> Mono.error(new SignInRefused(HttpStatus.NOT_FOUND, "CHALLENGE_NOT_FOUND",
                            "This sign-in code has expired, has been used, or was never sent: ask for a new one"));
                });
    }

    private static String key(UUID challengeId) {
        return KEYS + "challenge:" + challengeId;
    }

    private static SignInRefused incorrect(int attemptsLeft) {
        var refused = new SignInRefused(HttpStatus.UNPROCESSABLE_CONTENT, "CODE_INCORRECT", attemptsLeft == 0
                ? "The code is not right, and that was the last attempt: ask for a new code"
                : "The code is not right; " + attemptsLeft + (attemptsLeft == 1 ? " attempt" : " attempts") + " left");
        refused.getBody().setProperty("attemptsLeft", attemptsLeft);
        return refused;
    }

    private static long retryAfterSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static SignInRefused tooMany(String what, long retryAfterSeconds) {
        var refused = new SignInRefused(HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_RATE_LIMITED",
                what + "; try again in " + retryAfterSeconds + " s");
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return refused;
    }

    static SignInRefused unavailable() {
        return new SignInRefused(HttpStatus.SERVICE_UNAVAILABLE, "SIGN_IN_UNAVAILABLE",
                "Signing in is not possible right now; try again shortly");
    }

    /** A sign-in step refused, as the problem the caller gets. */
    public static final class SignInRefused extends ErrorResponseException {

        SignInRefused(HttpStatus status, String code, String detail) {
            super(status, Problems.problem(status, code, detail), null);
        }
    }
}
