package io.ticketing.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public REST contract of PRODUCT.md, path by path, mapped to the service that owns it. Routes are tried
 * in the order given, so a narrower path (a hold's payment) comes before the wider one (holds).
 *
 * <p>Every request route runs through a circuit breaker named after its service, and a time limit
 * ({@code ticketing.gateway.response-timeout}, 30 s; {@link ServiceRouting}) bounds every call: a service
 * that is down or too slow gets a quick 503/504 problem instead of piling up waiting requests. Server-Sent Event
 * streams are long-lived by design, so they have their own routes without time limits, and the long polls of a
 * waiting-list entry and of a waiting room's ticket have a longer one than 30 s. A service with several instances has
 * its requests spread over them ({@link ServiceInstances}).
 *
 * <p>{@code /api/v1/no-op} is not part of the contract: reservation-service answers it only when switched on for
 * the hot-show benchmark, which compares holds with a request that passes the same checks and hop but does
 * nothing (benchmarks/README.md). Otherwise it is a 404 like any unknown path.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    /**
     * Above the longest long poll of a waiting-list entry or a waiting room's ticket (30 s), so that the service
     * answers it, not the gateway.
     */
    private static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(45);

    @Bean
    RouteLocator publicApiRoutes(RouteLocatorBuilder builder, ServiceInstances gateway) {
        return builder.routes()
                .route("reservation-stream", r -> stream(r.path("/api/v1/shows/*/seats/stream"), "reservation",
                        gateway))
                .route("waiting-stream", r -> stream(r.path("/api/v1/waitlist/*/stream"), "waiting", gateway))
                .route("waiting-poll", r -> longPoll(r.method(HttpMethod.GET).and().path("/api/v1/waitlist/*"),
                        "waiting", gateway))
                .route("waiting-room-stream", r -> stream(r.path("/api/v1/queue/*/stream"), "waiting", gateway))
                .route("waiting-room-poll", r -> longPoll(r.method(HttpMethod.GET).and().path("/api/v1/queue/*"),
                        "waiting", gateway))
                .route("payment", r -> guarded(r.path("/api/v1/holds/*/payment", "/api/v1/payments", "/api/v1/payments/**"),
                        "payment", gateway))
                .route("notification", r -> guarded(r.path("/api/v1/bookings/*/tickets.pdf", "/api/v1/tickets/**"),
                        "notification", gateway))
                .route("waiting", r -> guarded(r.path("/api/v1/shows/*/waitlist", "/api/v1/waitlist/**",
                        "/api/v1/shows/*/queue", "/api/v1/queue/**", "/api/v1/admin/shows/*/queue"), "waiting",
                        gateway))
                .route("reservation", r -> guarded(r.path("/api/v1/shows/*/seats", "/api/v1/shows/*/holds",
                        "/api/v1/holds/**", "/api/v1/admin/shows/*/blocked-seats", "/api/v1/no-op"), "reservation", gateway))
                .route("booking", r -> guarded(r.path("/api/v1/bookings", "/api/v1/bookings/**",
                        "/api/v1/admin/shows/*/sales"), "booking", gateway))
                .route("catalog", r -> guarded(r.path("/api/v1/cities", "/api/v1/cities/**", "/api/v1/cinemas/**",
                        "/api/v1/movies/**", "/api/v1/shows/*", "/api/v1/search", "/api/v1/admin/**"), "catalog", gateway))
                .build();
    }

    private static Buildable<Route> guarded(
            BooleanSpec paths, String service, ServiceInstances gateway) {
        return to(paths.filters(filters -> filters.circuitBreaker(breaker -> breaker.setName(service))), service,
                gateway);
    }

    /**
     * A long poll ({@code waitSeconds} up to 30) is slow on purpose: it gets a time limit above the longest wait
     * instead of the breaker's, and a quiet line never counts as a failing service.
     */
    private static Buildable<Route> longPoll(BooleanSpec paths, String service, ServiceInstances gateway) {
        return to(paths.metadata(ServiceRouting.TIME_LIMIT, LONG_POLL_TIMEOUT.toMillis()), service, gateway);
    }

    private static Buildable<Route> stream(BooleanSpec paths, String service, ServiceInstances gateway) {
        return to(paths.metadata(ServiceRouting.TIME_LIMIT, -1), service, gateway);
    }

    /**
     * To the service's first instance; a service with several names itself in the route's metadata, and
     * {@link ServiceRouting} takes its instances in turn.
     */
    private static Buildable<Route> to(UriSpec route, String service, ServiceInstances gateway) {
        List<URI> instances = gateway.of(service);
        return (instances.size() > 1 ? route.metadata(ServiceRouting.SERVICE, service) : route)
                .uri(instances.getFirst());
    }
}
