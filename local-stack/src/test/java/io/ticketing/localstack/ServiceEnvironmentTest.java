package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private static final ServiceSpec CATALOG = ServiceSpec.CATALOG;

    @Test
    void givesEachServiceTheConfigurationContract() {
        Map<String, String> environment = ServiceEnvironment.forService(CATALOG, Map.of("PATH", "/usr/bin"));

        assertThat(environment)
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .as("the actuator on the service port: Spring refuses a management address of its own then")
                .doesNotContainKeys("MANAGEMENT_SERVER_PORT", "MANAGEMENT_SERVER_ADDRESS")
                .containsEntry("TICKETING_POSTGRES_HOST", "127.0.0.1")
                .containsEntry("TICKETING_POSTGRES_PORT", "15432")
                .containsEntry("TICKETING_POSTGRES_DATABASE", "catalog")
                .containsEntry("TICKETING_POSTGRES_USERNAME", "postgres")
                .containsEntry("TICKETING_POSTGRES_PASSWORD", "postgres")
                .containsEntry("TICKETING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("TICKETING_REDIS_HOST", "127.0.0.1")
                .containsEntry("TICKETING_REDIS_PORT", "16379")
                .containsEntry("TICKETING_ELASTICSEARCH_URIS", "http://127.0.0.1:19200")
                .containsEntry("TICKETING_MAIL_HOST", "127.0.0.1")
                .containsEntry("TICKETING_MAIL_PORT", "13025")
                .doesNotContainKey("TICKETING_GATEWAY_SERVICES_CATALOG");
    }

    @Test
    void turnsOnTheCatalogsDemoDataUnlessTheDeveloperTurnsItOff() {
        assertThat(ServiceEnvironment.forService(CATALOG, Map.of()))
                .containsEntry("TICKETING_CATALOG_DEMO_DATA_ENABLED", "true");
        assertThat(ServiceEnvironment.forService(CATALOG, Map.of("TICKETING_CATALOG_DEMO_DATA_ENABLED", "false")))
                .containsEntry("TICKETING_CATALOG_DEMO_DATA_ENABLED", "false");
        assertThat(ServiceEnvironment.forService(ServiceSpec.backends().get(1), Map.of()))
                .doesNotContainKey("TICKETING_CATALOG_DEMO_DATA_ENABLED");
    }

    @Test
    void theGatewayHasNoDatabaseButKnowsEveryBackend() {
        Map<String, String> environment = ServiceEnvironment.forService(ServiceSpec.GATEWAY, Map.of());

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .doesNotContainKey("TICKETING_POSTGRES_DATABASE")
                .containsEntry("TICKETING_GATEWAY_SERVICES_CATALOG", "http://127.0.0.1:8081")
                .containsEntry("TICKETING_GATEWAY_SERVICES_RESERVATION", "http://127.0.0.1:8082")
                .containsEntry("TICKETING_GATEWAY_SERVICES_BOOKING", "http://127.0.0.1:8083")
                .containsEntry("TICKETING_GATEWAY_SERVICES_WAITING", "http://127.0.0.1:8084")
                .containsEntry("TICKETING_GATEWAY_SERVICES_PAYMENT", "http://127.0.0.1:8085")
                .containsEntry("TICKETING_GATEWAY_SERVICES_NOTIFICATION", "http://127.0.0.1:8086");
    }

    @Test
    void aScaledOutStackListsEveryInstanceWhereverAServiceIsCalled() {
        Replicas replicas = Replicas.parse("reservation=2,booking=3");
        ServiceSpec reservation = ServiceSpec.byName("reservation-service");

        assertThat(ServiceEnvironment.forService(ServiceSpec.GATEWAY, Map.of(), replicas))
                .containsEntry("TICKETING_GATEWAY_SERVICES_RESERVATION", "http://127.0.0.1:8082,http://127.0.0.1:8182")
                .containsEntry("TICKETING_GATEWAY_SERVICES_BOOKING",
                        "http://127.0.0.1:8083,http://127.0.0.1:8183,http://127.0.0.1:8283")
                .containsEntry("TICKETING_GATEWAY_SERVICES_CATALOG", "http://127.0.0.1:8081");
        assertThat(ServiceEnvironment.forService(ServiceSpec.byName("payment-service"), Map.of(), replicas))
                .containsEntry("TICKETING_PAYMENT_RESERVATION_URL", "http://127.0.0.1:8082,http://127.0.0.1:8182");
        assertThat(ServiceEnvironment.forService(ServiceSpec.byName("waiting-service"), Map.of(), replicas))
                .containsEntry("TICKETING_WAITING_RESERVATION_URL", "http://127.0.0.1:8082,http://127.0.0.1:8182");
        assertThat(ServiceEnvironment.forService(reservation.instance(2), Map.of(), replicas))
                .as("the second instance: its own port, the same database")
                .containsEntry("SERVER_PORT", "8182")
                .containsEntry("TICKETING_POSTGRES_DATABASE", "reservation")
                .containsEntry("TICKETING_RESERVATION_BOOKING_URL",
                        "http://127.0.0.1:8083,http://127.0.0.1:8183,http://127.0.0.1:8283");
        assertThat(ServiceEnvironment.forService(ServiceSpec.GATEWAY.instance(2), Map.of(), replicas))
                .containsEntry("SERVER_PORT", "8180").containsEntry("MANAGEMENT_SERVER_PORT", "9180");
    }

    @Test
    void explicitlySetVariablesWinExceptTheServerPort() {
        Map<String, String> environment = ServiceEnvironment.forService(CATALOG, Map.of(
                "TICKETING_RESERVATION_HOLD_TTL", "PT20S",
                "TICKETING_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "SERVER_PORT", "9999"));

        assertThat(environment)
                .containsEntry("TICKETING_RESERVATION_HOLD_TTL", "PT20S")
                .containsEntry("TICKETING_KAFKA_BOOTSTRAP_SERVERS", "broker:9092")
                .containsEntry("SERVER_PORT", "8081");
    }

    @Test
    void everyServiceButTheGatewayHasItsOwnDatabase() {
        assertThat(ServiceSpec.databases())
                .containsExactly("catalog", "reservation", "booking", "waiting", "payment", "notification");
    }
}
