package io.ticketing.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A back-end service as the local stack runs it: module name, fixed port and its own database.
 *
 * @param name     Maven module and jar name, e.g. "catalog-service"
 * @param port     fixed HTTP port ({@code SERVER_PORT})
 * @param managementPort where its actuator (health, metrics) answers: the gateway's own port, not routed publicly
 *                 ({@code MANAGEMENT_SERVER_PORT}); the service port for the services behind the gateway
 * @param database its PostgreSQL database; empty for the gateway, which has none
 */
public record ServiceSpec(String name, int port, int managementPort, Optional<String> database) {

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", 8080, 9080, Optional.empty());
    public static final ServiceSpec CATALOG = backend("catalog", 8081);

    /** Every service, gateway first. Ports are fixed so bookmarks, scripts and the gateway routes stay stable. */
    public static final List<ServiceSpec> ALL = List.of(
            GATEWAY,
            CATALOG,
            backend("reservation", 8082),
            backend("booking", 8083),
            backend("waiting", 8084),
            backend("payment", 8085),
            backend("notification", 8086));

    private static ServiceSpec backend(String shortName, int port) {
        return new ServiceSpec(shortName + "-service", port, port, Optional.of(shortName));
    }

    /** The services behind the gateway. */
    public static List<ServiceSpec> backends() {
        return ALL.stream().filter(spec -> !spec.equals(GATEWAY)).toList();
    }

    /** The service called {@code name}, e.g. {@code booking-service}. */
    public static ServiceSpec byName(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /** Every database a service needs. */
    public static List<String> databases() {
        return ALL.stream().flatMap(spec -> spec.database().stream()).toList();
    }

    /** "catalog" for "catalog-service": the gateway's route variable suffix. */
    public String shortName() {
        return name.substring(0, name.length() - "-service".length());
    }

    /** Suffix of the gateway's environment variable, e.g. {@code CATALOG}. */
    public String gatewayKey() {
        return shortName().toUpperCase(Locale.ROOT);
    }
}
