package io.ticketing.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public REST contract of PRODUCT.md, path by path, mapped to the service that owns it. Routes are tried
 * in the order given, so a narrower path (a hold's payment) comes before the wider one (holds).
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator publicApiRoutes(RouteLocatorBuilder builder, GatewayProperties gateway) {
        return builder.routes()
                .route("payment", r -> r.path("/api/v1/holds/*/payment", "/api/v1/payments", "/api/v1/payments/**")
                        .uri(gateway.service("payment")))
                .route("notification", r -> r.path("/api/v1/bookings/*/tickets.pdf")
                        .uri(gateway.service("notification")))
                .route("waiting", r -> r.path("/api/v1/shows/*/waitlist", "/api/v1/waitlist/**")
                        .uri(gateway.service("waiting")))
                .route("reservation", r -> r.path("/api/v1/shows/*/seats", "/api/v1/shows/*/seats/stream",
                        "/api/v1/shows/*/holds", "/api/v1/holds/**", "/api/v1/admin/shows/*/blocked-seats")
                        .uri(gateway.service("reservation")))
                .route("booking", r -> r.path("/api/v1/bookings", "/api/v1/bookings/**", "/api/v1/admin/shows/*/sales")
                        .uri(gateway.service("booking")))
                .route("catalog", r -> r.path("/api/v1/cities", "/api/v1/cities/**", "/api/v1/cinemas/**",
                        "/api/v1/movies/**", "/api/v1/search", "/api/v1/admin/**")
                        .uri(gateway.service("catalog")))
                .build();
    }
}
