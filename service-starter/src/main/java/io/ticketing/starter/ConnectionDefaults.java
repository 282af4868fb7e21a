package io.ticketing.starter;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.ticketing.guard.DevelopmentDefaults;
import io.ticketing.identity.CallerSignatures;
import org.springframework.core.env.Environment;

/**
 * The secrets every back-end service shares: the PostgreSQL password must be the deployment's own, not the local
 * stack's ({@code postgres}, also this starter's default) or docker compose's ({@code ticketing}); the internal secret
 * that signs calls between services ({@code ticketing.internal.secret}) must not be the published local one.
 */
public final class ConnectionDefaults implements DevelopmentDefaults {

    static final Set<String> PUBLISHED_PASSWORDS = Set.of("postgres", "ticketing");

    @Override
    public List<String> inEffect(Environment environment) {
        return Stream.concat(
                DevelopmentDefaults.secret(environment, "ticketing.postgres.password", PUBLISHED_PASSWORDS).stream(),
                DevelopmentDefaults.secret(environment, "ticketing.internal.secret",
                        Set.of(CallerSignatures.LOCAL_SECRET)).stream())
                .toList();
    }
}
