package io.ticketing.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConnectionDefaultsTest {

    private final ConnectionDefaults defaults = new ConnectionDefaults();

    @Test
    void refusesThePasswordsOfTheLocalStackAndOfCompose() {
        for (String published : new String[] { "postgres", "ticketing" }) {
            assertThat(defaults.inEffect(new MockEnvironment().withProperty("ticketing.postgres.password", published)))
                    .singleElement().asString().startsWith("ticketing.postgres.password is a development value");
        }
    }

    @Test
    void refusesAMissingPassword() {
        assertThat(defaults.inEffect(new MockEnvironment()))
                .containsExactly("ticketing.postgres.password is not set (TICKETING_POSTGRES_PASSWORD)");
    }

    @Test
    void acceptsTheDeploymentsOwnPassword() {
        assertThat(defaults.inEffect(new MockEnvironment().withProperty("ticketing.postgres.password", "s3cr3t-of-ours")))
                .isEmpty();
    }
}
