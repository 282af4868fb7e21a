package io.ticketing.reservation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * What an integration test of reservation-service runs against: real PostgreSQL, Kafka and Redis, shared by the tests
 * (each works on shows of its own), the service on a random port and its database to look into. Tests with the same
 * Spring Boot settings share one application context, as the platform's instances share the infrastructure.
 */
abstract class ReservationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reservation", Component.POSTGRES, Component.KAFKA, Component.REDIS);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;
}
