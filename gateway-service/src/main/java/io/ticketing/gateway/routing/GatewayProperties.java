package io.ticketing.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the back-end services run ({@code TICKETING_GATEWAY_SERVICES_<NAME>}: one address, or the addresses of its
 * instances separated by commas, {@link ServiceInstances}), and how long the gateway waits for an answer of one
 * ({@link ServiceRouting}).
 */
@ConfigurationProperties("ticketing.gateway")
public record GatewayProperties(Map<String, List<URI>> services, @DefaultValue("30s") Duration responseTimeout) {
}
