package io.ticketing.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One instance of a service as the local stack runs it: module name, fixed port and its own database. The first
 * instance of each service is the one in {@link #ALL}; instance {@code n} of it ({@link #instance(int)}) listens
 * {@value #INSTANCE_PORT_STEP}·(n−1) ports higher and shares its database.
 *
 * @param name     Maven module and jar name, e.g. "catalog-service"
 * @param port     fixed HTTP port ({@code SERVER_PORT})
 * @param managementPort where its actuator (health, metrics) answers: the gateway's own port, not routed publicly
 *                 ({@code MANAGEMENT_SERVER_PORT}); the service port for the services behind the gateway
 * @param database its PostgreSQL database; empty for the gateway, which has none
 * @param instance which instance of the service, from 1
 */
public record ServiceSpec(String name, int port, int managementPort, Optional<String> database, int instance) {

    /** How much higher the ports of each next instance of a service are: 8082, 8182, 8282 ... */
    public static final int INSTANCE_PORT_STEP = 100;
    /** The most instances of one service: the ports of a tenth would reach the next service's. */
    public static final int MAX_INSTANCES = 9;

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", 8080, 9080, Optional.empty(), 1);
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
        return new ServiceSpec(shortName + "-service", port, port, Optional.of(shortName), 1);
    }

    /** Instance {@code number} (from 1) of this service. */
    public ServiceSpec instance(int number) {
        if (number < 1 || number > MAX_INSTANCES) {
            throw new IllegalArgumentException("A service runs 1 to " + MAX_INSTANCES + " instances, not " + number);
        }
        int shift = INSTANCE_PORT_STEP * (number - instance);
        return new ServiceSpec(name, port + shift, managementPort + shift, database, number);
    }

    /** "reservation-service" for the first instance, "reservation-service-2" for the second: its log and process. */
    public String instanceName() {
        return instance == 1 ? name : name + "-" + instance;
    }

    /** The services behind the gateway. */
    public static List<ServiceSpec> backends() {
        return ALL.stream().filter(spec -> !spec.equals(GATEWAY)).toList();
    }

    /** The first instance of the service called {@code name}, e.g. {@code booking-service}. */
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
