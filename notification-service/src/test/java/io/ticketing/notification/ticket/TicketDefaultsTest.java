package io.ticketing.notification.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TicketDefaultsTest {

    private final TicketDefaults defaults = new TicketDefaults();

    @Test
    void needsTheSigningKeyFromTheDeployment() {
        assertThat(defaults.inEffect(new MockEnvironment())).containsExactly(
                "ticketing.notification.tickets.signing-key is not set (TICKETING_NOTIFICATION_TICKETS_SIGNING_KEY)");
    }

    @Test
    void acceptsAConfiguredKey() {
        assertThat(defaults.inEffect(new MockEnvironment()
                .withProperty("ticketing.notification.tickets.signing-key", "MC4CAQAwBQYDK2VwBCIEI..."))).isEmpty();
    }
}
