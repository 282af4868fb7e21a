package io.ticketing.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment a service process gets: the launcher's own environment plus the platform's
 * configuration contract ({@code TICKETING_*} variables), which the services map onto their properties.
 *
 * <p>Precedence: a variable already set in the launcher's environment wins over the launcher's default,
 * so {@code TICKETING_KAFKA_BOOTSTRAP_SERVERS=... ./ticketing up} points every service elsewhere. The
 * one exception is {@code SERVER_PORT}: the launcher polls and routes by the fixed ports, so it always
 * sets it per service.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static Map<String, String> forService(ServiceSpec service, Map<String, String> inherited) {
        return forService(service, inherited, Replicas.ONE);
    }

    /** The environment of one instance of a stack that runs {@code replicas}. */
    static Map<String, String> forService(ServiceSpec service, Map<String, String> inherited, Replicas replicas) {
        Map<String, String> environment = new LinkedHashMap<>(inherited);
        defaults(service, replicas).forEach(environment::putIfAbsent);
        environment.put("SERVER_PORT", Integer.toString(service.port()));
        if (service.managementPort() != service.port()) {
            // a management port of its own binds where it is told to, not where the service port does
            environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
            environment.putIfAbsent("MANAGEMENT_SERVER_ADDRESS", InfraEndpoints.HOST);
        }
        return environment;
    }

    /** The launcher's defaults for one service, before the inherited environment is applied. */
    public static Map<String, String> defaults(ServiceSpec service) {
        return defaults(service, Replicas.ONE);
    }

    /**
     * The launcher's defaults for one instance of a stack that runs {@code replicas}: the addresses of another service
     * list each of its instances.
     */
    static Map<String, String> defaults(ServiceSpec service, Replicas replicas) {
        Map<String, String> defaults = new LinkedHashMap<>();
        // a developer's machine: the development defaults every service refuses without this profile
        defaults.put("SPRING_PROFILES_ACTIVE", "local");
        // reachable from this machine only, like the infrastructure
        defaults.put("SERVER_ADDRESS", InfraEndpoints.HOST);
        defaults.put("TICKETING_POSTGRES_HOST", InfraEndpoints.HOST);
        defaults.put("TICKETING_POSTGRES_PORT", Integer.toString(InfraEndpoints.POSTGRES_PORT));
        service.database().ifPresent(database -> defaults.put("TICKETING_POSTGRES_DATABASE", database));
        defaults.put("TICKETING_POSTGRES_USERNAME", InfraEndpoints.POSTGRES_USERNAME);
        defaults.put("TICKETING_POSTGRES_PASSWORD", InfraEndpoints.POSTGRES_PASSWORD);
        defaults.put("TICKETING_KAFKA_BOOTSTRAP_SERVERS", InfraEndpoints.kafkaBootstrapServers());
        defaults.put("TICKETING_REDIS_HOST", InfraEndpoints.HOST);
        defaults.put("TICKETING_REDIS_PORT", Integer.toString(InfraEndpoints.REDIS_PORT));
        defaults.put("TICKETING_ELASTICSEARCH_URIS", InfraEndpoints.elasticsearchUri());
        defaults.put("TICKETING_MAIL_HOST", InfraEndpoints.HOST);
        defaults.put("TICKETING_MAIL_PORT", Integer.toString(InfraEndpoints.SMTP_PORT));
        // every request traced, its spans caught by the launcher (a benchmark sets the probability to 0)
        defaults.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", InfraEndpoints.otlpTracesEndpoint());
        defaults.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        if (service.equals(ServiceSpec.CATALOG)) {
            // a fresh local stack starts with the demo catalog (only while the catalog has no city)
            defaults.put("TICKETING_CATALOG_DEMO_DATA_ENABLED", "true");
        }
        switch (service.shortName()) {
            case "gateway" -> ServiceSpec.backends().forEach(backend -> defaults.put(
                    "TICKETING_GATEWAY_SERVICES_" + backend.gatewayKey(), addresses(backend, replicas)));
            case "payment" -> defaults.put("TICKETING_PAYMENT_RESERVATION_URL", addresses("reservation", replicas));
            case "waiting" -> defaults.put("TICKETING_WAITING_RESERVATION_URL", addresses("reservation", replicas));
            case "reservation" -> defaults.put("TICKETING_RESERVATION_BOOKING_URL", addresses("booking", replicas));
            default -> {
            }
        }
        return defaults;
    }

    private static String addresses(String shortName, Replicas replicas) {
        return addresses(ServiceSpec.byName(shortName + "-service"), replicas);
    }

    /** Every instance of {@code service}, comma-separated: {@code http://127.0.0.1:8082,http://127.0.0.1:8182}. */
    private static String addresses(ServiceSpec service, Replicas replicas) {
        return replicas.of(service).stream().map(instance -> "http://" + InfraEndpoints.HOST + ":" + instance.port())
                .collect(Collectors.joining(","));
    }
}
