package io.ticketing.starter;

import java.util.List;
import java.util.Set;

import io.ticketing.guard.DevelopmentDefaults;
import org.springframework.core.env.Environment;

/**
 * The connection settings every back-end service shares: the PostgreSQL password must be the deployment's own, not
 * the local stack's ({@code postgres}, also this starter's default) or docker compose's ({@code ticketing}).
 */
public final class ConnectionDefaults implements DevelopmentDefaults {

    static final Set<String> PUBLISHED_PASSWORDS = Set.of("postgres", "ticketing");

    @Override
    public List<String> inEffect(Environment environment) {
        return DevelopmentDefaults.secret(environment, "ticketing.postgres.password", PUBLISHED_PASSWORDS).stream().toList();
    }
}
