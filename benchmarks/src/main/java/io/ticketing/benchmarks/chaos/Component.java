package io.ticketing.benchmarks.chaos;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.ticketing.benchmarks.StackCpu;

/**
 * What a fault can hit on the local stack: a service (its process on its fixed port, its database), Redis or the
 * Kafka broker. Ports and database names are the local stack's ({@code local-stack}'s {@code ServiceSpec} and
 * {@code InfraEndpoints}); the harness drives only a platform running on this machine, since it sends signals.
 */
enum Component {

    GATEWAY("gateway-service", 8080, null),
    CATALOG("catalog-service", 8081, "catalog"),
    RESERVATION("reservation-service", 8082, "reservation"),
    BOOKING("booking-service", 8083, "booking"),
    WAITING("waiting-service", 8084, "waiting"),
    PAYMENT("payment-service", 8085, "payment"),
    NOTIFICATION("notification-service", 8086, "notification"),
    REDIS("Redis", 16379, null),
    KAFKA("Kafka broker", 19092, null);

    private final String label;
    private final int port;
    private final String database;

    Component(String label, int port, String database) {
        this.label = label;
        this.port = port;
        this.database = database;
    }

    String label() {
        return label;
    }

    /** The name of a service's instance: {@code reservation-service-2}; the first is named like the service. */
    String label(int instance) {
        return instance == 1 ? label : label + "-" + instance;
    }

    int port() {
        return port;
    }

    /**
     * Where a service's instance listens: each further instance {@value StackCpu#INSTANCE_PORT_STEP} ports above the
     * one before, as {@code ./ticketing up --replicas} starts them (local-stack's {@code Replicas}).
     */
    int port(int instance) {
        return port + StackCpu.INSTANCE_PORT_STEP * (instance - 1);
    }

    /** Where its actuator answers: the gateway's on a management port of its own, not routed publicly. */
    int managementPort(int instance) {
        return this == GATEWAY ? 9080 + StackCpu.INSTANCE_PORT_STEP * (instance - 1) : port(instance);
    }

    /** The service's own PostgreSQL database; empty for the gateway, Redis and Kafka. */
    Optional<String> database() {
        return Optional.ofNullable(database);
    }

    boolean service() {
        return this != REDIS && this != KAFKA;
    }

    /** The services in the order the launcher starts them, gateway first. */
    static List<Component> services() {
        return Arrays.stream(values()).filter(Component::service).toList();
    }

    /** The services with a database, which are also the ones with Kafka consumers. */
    static List<Component> withDatabase() {
        return Arrays.stream(values()).filter(component -> component.database != null).toList();
    }
}
