package io.ticketing.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketing.gateway.access.AccessProperties;

/** The web app's settings: its key must be one of the gateway's client keys, or the gateway does not start. */
class WebAppSettingsTest {

    @Test
    void refusesAWebKeyThatIsNotOneOfTheClientKeys() {
        Map<String, AccessProperties.Role> clients = Map.of("admin-key", AccessProperties.Role.ADMIN,
                "web-key", AccessProperties.Role.CLIENT);
        assertThat(WebApp.settings(new WebAppProperties("web-key", "pk_test_1"), clients::get))
                .containsEntry("apiKey", "web-key").containsEntry("stripePublishableKey", "pk_test_1");
        assertThat(WebApp.settings(new WebAppProperties(null, null), clients::get)).containsEntry("apiKey", null);
        for (String refused : new String[] { "admin-key", "unknown-key" }) {
            assertThatThrownBy(() -> WebApp.settings(new WebAppProperties(refused, null), clients::get))
                    .hasMessageContaining("TICKETING_GATEWAY_WEB_API_KEY");
        }
    }
}
