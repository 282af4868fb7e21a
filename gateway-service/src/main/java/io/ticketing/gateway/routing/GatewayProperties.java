package io.ticketing.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the back-end services run: {@code TICKETING_GATEWAY_SERVICES_<NAME>}.
 */
@ConfigurationProperties("ticketing.gateway")
public record GatewayProperties(Map<String, URI> services) {

    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalStateException("No address configured for ticketing.gateway.services." + name);
        }
        return uri;
    }
}
