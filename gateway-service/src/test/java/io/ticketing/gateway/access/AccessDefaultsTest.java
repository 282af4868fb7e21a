package io.ticketing.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import io.ticketing.gateway.GatewayApplication;
import io.ticketing.guard.DevelopmentDefaultsRefused;
import io.ticketing.identity.CallerSignatures;

class AccessDefaultsTest {

    private static final String OWN_SECRET = "a-session-secret-of-our-own-32-bytes-long";

    private final AccessDefaults defaults = new AccessDefaults();

    @Test
    void refusesToStartOutsideTheLocalProfileWithoutKeysAndSecretOfItsOwn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).run("--spring.profiles.active=production"))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("ticketing.gateway.access.api-keys has no key")
                .hasMessageContaining("ticketing.gateway.access.sessions.secret is not set")
                .hasMessageContaining("ticketing.internal.secret is not set");
    }

    @Test
    void refusesThePublishedKeysAndSecrets() {
        var ours = withKey(new MockEnvironment(), 0, "ours", ApiClients.sha256("a key of our own"), "CLIENT");
        var environment = withKey(ours, 1, "local-admin", ApiClients.sha256("local-admin-key").toUpperCase(), "ADMIN")
                .withProperty("ticketing.gateway.access.sessions.secret", "compose-local-session-secret-not-for-production")
                .withProperty("ticketing.internal.secret", CallerSignatures.LOCAL_SECRET);
        assertThat(defaults.inEffect(environment)).containsExactly(
                "ticketing.gateway.access.api-keys[1] is the published key local-admin-key "
                        + "(TICKETING_GATEWAY_ACCESS_API_KEYS_1_SHA256)",
                "ticketing.gateway.access.sessions.secret is a development value published in this repository: set your "
                        + "own (TICKETING_GATEWAY_ACCESS_SESSIONS_SECRET)",
                "ticketing.internal.secret is a development value published in this repository: set your own "
                        + "(TICKETING_INTERNAL_SECRET)");
    }

    @Test
    void acceptsKeysAndSecretOfItsOwn() {
        var environment = withKey(new MockEnvironment(), 0, "web", ApiClients.sha256("a key of our own"), "CLIENT")
                .withProperty("ticketing.gateway.access.sessions.secret", OWN_SECRET)
                .withProperty("ticketing.internal.secret", "an-internal-secret-of-our-own-32-bytes");
        assertThat(defaults.inEffect(environment)).isEmpty();
    }

    private static MockEnvironment withKey(MockEnvironment environment, int index, String name, String sha256,
            String role) {
        String key = "ticketing.gateway.access.api-keys[" + index + "].";
        return environment.withProperty(key + "name", name).withProperty(key + "sha256", sha256)
                .withProperty(key + "role", role);
    }
}
