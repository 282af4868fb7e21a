package io.ticketing.gateway.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ticketing.guard.DevelopmentDefaults;
import io.ticketing.identity.CallerSignatures;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Outside the {@code local} profile the gateway needs API keys of its own, its own session secret and its own
 * internal secret: the local keys are printed in the README (their hashes live in {@code application-local.yml}), a
 * session secret anyone knows lets anyone sign a session for any customer, and an internal secret anyone knows lets
 * anyone who reaches a service speak for any customer.
 */
public final class AccessDefaults implements DevelopmentDefaults {

    static final String API_KEYS = "ticketing.gateway.access.api-keys";
    static final String SESSION_SECRET = "ticketing.gateway.access.sessions.secret";
    static final String INTERNAL_SECRET = "ticketing.internal.secret";
    /** The keys the README gives for a developer's machine. */
    static final Map<String, String> PUBLISHED_KEYS_BY_HASH = Map.of(
            ApiClients.sha256("local-client-key"), "local-client-key",
            ApiClients.sha256("local-admin-key"), "local-admin-key",
            ApiClients.sha256("local-scanner-key"), "local-scanner-key");
    /** The session secrets of the local profile, docker compose and the local Kubernetes overlay. */
    static final Set<String> PUBLISHED_SESSION_SECRETS = Set.of(
            "local-development-session-secret-not-for-production",
            "compose-local-session-secret-not-for-production",
            "local-cluster-session-secret-not-for-production");

    @Override
    public List<String> inEffect(Environment environment) {
        List<String> inEffect = new ArrayList<>();
        List<AccessProperties.ApiKey> keys = Binder.get(environment)
                .bind(API_KEYS, Bindable.listOf(AccessProperties.ApiKey.class)).orElse(List.of());
        if (keys.isEmpty()) {
            inEffect.add(API_KEYS + " has no key: nothing could call the API "
                    + "(TICKETING_GATEWAY_ACCESS_API_KEYS_0_NAME, _SHA256 and _ROLE, one index per key)");
        }
        for (int index = 0; index < keys.size(); index++) {
            String hash = keys.get(index).sha256();
            String published = hash == null ? null : PUBLISHED_KEYS_BY_HASH.get(hash.toLowerCase());
            if (published != null) {
                inEffect.add(API_KEYS + "[" + index + "] is the published key " + published
                        + " (TICKETING_GATEWAY_ACCESS_API_KEYS_" + index + "_SHA256)");
            }
        }
        DevelopmentDefaults.secret(environment, SESSION_SECRET, PUBLISHED_SESSION_SECRETS).ifPresent(inEffect::add);
        DevelopmentDefaults.secret(environment, INTERNAL_SECRET, Set.of(CallerSignatures.LOCAL_SECRET))
                .ifPresent(inEffect::add);
        return inEffect;
    }
}
