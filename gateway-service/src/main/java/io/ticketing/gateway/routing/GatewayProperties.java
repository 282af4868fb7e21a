package io.ticketing.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the back-end services run ({@code TICKETING_GATEWAY_SERVICES_<NAME>}), and how long the gateway waits for
 * an answer of one ({@link ServiceRouting}).
 */
@ConfigurationProperties("ticketing.gateway")
public record GatewayProperties(Map<String, URI> services, @DefaultValue("30s") Duration responseTimeout) {

    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalStateException("No address configured for ticketing.gateway.services." + name);
        }
        return uri;
    }
}
