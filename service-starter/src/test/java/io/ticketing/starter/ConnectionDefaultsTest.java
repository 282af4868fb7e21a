package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.ticketing.identity.CallerSignatures;

class ConnectionDefaultsTest {

    private static final String OWN_SECRET = "our-own-internal-secret-of-32-bytes-or-more";

    private final ConnectionDefaults defaults = new ConnectionDefaults();

    @Test
    void refusesThePasswordsOfTheLocalStackAndOfCompose() {
        for (String published : new String[] { "postgres", "ticketing" }) {
            assertThat(defaults.inEffect(new MockEnvironment().withProperty("ticketing.postgres.password", published)
                    .withProperty("ticketing.internal.secret", OWN_SECRET)))
                    .singleElement().asString().startsWith("ticketing.postgres.password is a development value");
        }
    }

    @Test
    void refusesThePublishedInternalSecret() {
        assertThat(defaults.inEffect(new MockEnvironment().withProperty("ticketing.postgres.password", "s3cr3t-of-ours")
                .withProperty("ticketing.internal.secret", CallerSignatures.LOCAL_SECRET)))
                .singleElement().asString().startsWith("ticketing.internal.secret is a development value");
    }

    @Test
    void refusesMissingSecrets() {
        assertThat(defaults.inEffect(new MockEnvironment())).containsExactly(
                "ticketing.postgres.password is not set (TICKETING_POSTGRES_PASSWORD)",
                "ticketing.internal.secret is not set (TICKETING_INTERNAL_SECRET)");
    }

    @Test
    void acceptsTheDeploymentsOwnSecrets() {
        assertThat(defaults.inEffect(new MockEnvironment().withProperty("ticketing.postgres.password", "s3cr3t-of-ours")
                .withProperty("ticketing.internal.secret", OWN_SECRET))).isEmpty();
    }
}
