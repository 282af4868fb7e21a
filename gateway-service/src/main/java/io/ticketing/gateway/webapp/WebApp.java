package io.ticketing.gateway.webapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.ticketing.gateway.access.AccessProperties;
import io.ticketing.gateway.access.ApiClients;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the web app: {@code /} and {@code /admin/} answer their {@code index.html}, the rest of the app is static
 * files under {@code /app/}, {@code /admin/}, {@code /shared/} and {@code /webjars/}, found by Spring's resource
 * handling in {@code META-INF/resources} of the {@code web-app} jar. Every answer is revalidated by the browser
 * ({@code no-cache} with {@code Last-Modified}), so a new release is picked up on the next load.
 */
@Configuration(proxyBeanMethods = false)
public class WebApp {

    private static final List<PathPattern> ASSETS = List.of("/", "/index.html", "/favicon.svg", "/web-config",
            "/app/**", "/shared/**", "/admin", "/admin/**", "/webjars/**").stream()
            .map(PathPatternParser.defaultInstance::parse).toList();

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' https://js.stripe.com; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https://api.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";


    /** Whether a path is part of the web app: open to everyone, with no API key. */
    public static boolean isAsset(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return ASSETS.stream().anyMatch(pattern -> pattern.matches(container));
    }

    @Bean
    RouterFunction<ServerResponse> webAppPages(WebAppProperties properties, ApiClients clients, WebProperties web,
            ResourceLoader resources) {
        Map<String, Object> config = settings(properties,
                key -> clients.identify(key).map(AccessProperties.ApiKey::role).orElse(null));
        Resource customerApp = page(web, resources, "index.html");
        Resource adminConsole = page(web, resources, "admin/index.html");
        return route(GET("/"), request -> page(customerApp))
                .andRoute(GET("/admin/"), request -> page(adminConsole))
                .andRoute(GET("/admin"), request -> ServerResponse.permanentRedirect(
                        request.uriBuilder().path("/").build()).build())
                .andRoute(GET("/web-config"), request -> ServerResponse.ok().cacheControl(CacheControl.noStore())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(config));
    }

    /**
     * The web app's pages may run only their own scripts and Stripe's (the Payment Element, in production), talk only
     * to this origin and Stripe, and are never framed.
     */
    @Bean
    WebFilter webAppSecurityHeaders() {
        return (exchange, chain) -> {
            if (isAsset(exchange.getRequest().getPath().value())) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
            }
            return chain.filter(exchange);
        };
    }

    /**
     * A page from the first of the static locations that has it: the {@code web-app} jar's, or a folder put before it
     * ({@code SPRING_WEB_RESOURCES_STATIC_LOCATIONS=file:web-app/src/main/resources/META-INF/resources/,classpath:/META-INF/resources/})
     * to work on the app without rebuilding the gateway.
     */
    private static Resource page(WebProperties web, ResourceLoader resources, String path) {
        return Stream.of(web.getResources().getStaticLocations())
                .map(location -> resources.getResource(location + path))
                .filter(Resource::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("The web app's " + path + " is missing from "
                        + String.join(", ", web.getResources().getStaticLocations())));
    }

    private static Mono<ServerResponse> page(Resource page) {
        return ServerResponse.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                .bodyValue(page);
    }

    /** The settings, checked once at start-up: a web key that is not one of the gateway's client keys is refused. */
    static Map<String, Object> settings(WebAppProperties properties, Function<String, AccessProperties.Role> roleOfKey) {
        String apiKey = blankToNull(properties.apiKey());
        if (apiKey != null && roleOfKey.apply(apiKey) != AccessProperties.Role.CLIENT) {
            throw new IllegalStateException("ticketing.gateway.web.api-key (TICKETING_GATEWAY_WEB_API_KEY) is not one "
                    + "of the gateway's client API keys (ticketing.gateway.access.api-keys with role CLIENT)");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("apiKey", apiKey);
        settings.put("stripePublishableKey", blankToNull(properties.stripePublishableKey()));
        return settings;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
