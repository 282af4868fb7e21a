package io.ticketing.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import io.ticketing.gateway.GatewayApplication;
import io.ticketing.guard.DevelopmentDefaultsRefused;

class AccessDefaultsTest {

    private static final String OWN_SECRET = "a-session-secret-of-our-own-32-bytes-long";

    private final AccessDefaults defaults = new AccessDefaults();

    @Test
    void refusesToStartOutsideTheLocalProfileWithoutKeysAndSecretOfItsOwn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).run("--spring.profiles.active=production"))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("ticketing.gateway.access.api-keys has no key")
                .hasMessageContaining("ticketing.gateway.access.sessions.secret is not set");
    }

    @Test
    void refusesThePublishedKeysAndSessionSecrets() {
        var environment = new MockEnvironment()
                .withProperty("ticketing.gateway.access.api-keys[0].name", "ours")
                .withProperty("ticketing.gateway.access.api-keys[0].sha256", ApiClients.sha256("a key of our own"))
                .withProperty("ticketing.gateway.access.api-keys[0].role", "CLIENT")
                .withProperty("ticketing.gateway.access.api-keys[1].name", "local-admin")
                .withProperty("ticketing.gateway.access.api-keys[1].sha256", ApiClients.sha256("local-admin-key").toUpperCase())
                .withProperty("ticketing.gateway.access.api-keys[1].role", "ADMIN")
                .withProperty("ticketing.gateway.access.sessions.secret", "compose-local-session-secret-not-for-production");
        assertThat(defaults.inEffect(environment)).containsExactly(
                "ticketing.gateway.access.api-keys[1] is the published key local-admin-key "
                        + "(TICKETING_GATEWAY_ACCESS_API_KEYS_1_SHA256)",
                "ticketing.gateway.access.sessions.secret is a development value published in this repository: set your "
                        + "own (TICKETING_GATEWAY_ACCESS_SESSIONS_SECRET)");
    }

    @Test
    void acceptsKeysAndSecretOfItsOwn() {
        var environment = new MockEnvironment()
                .withProperty("ticketing.gateway.access.api-keys[0].name", "web")
                .withProperty("ticketing.gateway.access.api-keys[0].sha256", ApiClients.sha256("a key of our own"))
                .withProperty("ticketing.gateway.access.api-keys[0].role", "CLIENT")
                .withProperty("ticketing.gateway.access.sessions.secret", OWN_SECRET);
        assertThat(defaults.inEffect(environment)).isEmpty();
    }
}
