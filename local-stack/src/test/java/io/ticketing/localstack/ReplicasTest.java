package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ReplicasTest {

    private static final ServiceSpec RESERVATION = ServiceSpec.byName("reservation-service");

    @Test
    void runsOneOfEachByDefault() {
        assertThat(Replicas.ONE.instances()).isEqualTo(ServiceSpec.ALL);
        assertThat(Replicas.ONE.scaledOut()).isFalse();
    }

    @Test
    void runsAsManyOfEveryServiceAsANumberSays() {
        Replicas replicas = Replicas.parse("2");

        assertThat(replicas.instances()).hasSize(14);
        assertThat(replicas.of(RESERVATION)).extracting(ServiceSpec::instanceName, ServiceSpec::port)
                .containsExactly(tuple("reservation-service", 8082),
                        tuple("reservation-service-2", 8182));
        assertThat(replicas.of(ServiceSpec.GATEWAY).get(1).managementPort()).isEqualTo(9180);
        assertThat(replicas.scaledOut()).isTrue();
    }

    @Test
    void namesServicesByTheirShortOrFullNameAndTheRestByTheBareNumber() {
        Replicas replicas = Replicas.parse("2, catalog=1,reservation-service=3");

        assertThat(replicas.of(ServiceSpec.CATALOG)).hasSize(1);
        assertThat(replicas.of(RESERVATION)).extracting(ServiceSpec::port).containsExactly(8082, 8182, 8282);
        assertThat(replicas.of(ServiceSpec.GATEWAY)).hasSize(2);
        assertThat(Replicas.parse("gateway=2").of(ServiceSpec.byName("booking-service"))).hasSize(1);
        assertThat(Replicas.parse(replicas.toString())).as("read back").isEqualTo(replicas);
    }

    @Test
    void startsTheInstancesAWaveAtATime() {
        Replicas replicas = Replicas.parse("reservation=3,gateway=2");

        assertThat(replicas.waves()).isEqualTo(3);
        assertThat(replicas.wave(1)).isEqualTo(ServiceSpec.ALL);
        assertThat(replicas.wave(2)).extracting(ServiceSpec::instanceName)
                .containsExactly("gateway-service-2", "reservation-service-2");
        assertThat(replicas.wave(3)).extracting(ServiceSpec::instanceName).containsExactly("reservation-service-3");
        assertThat(Replicas.ONE.waves()).isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> Replicas.parse("0")).hasMessageContaining("1 to 9 instances of a service, not '0'");
        assertThatThrownBy(() -> Replicas.parse("10")).hasMessageContaining("not '10'");
        assertThatThrownBy(() -> Replicas.parse("two")).hasMessageContaining("not 'two'");
        assertThatThrownBy(() -> Replicas.parse("ticketing=2")).hasMessageContaining("names no service 'ticketing'")
                .hasMessageContaining("gateway, catalog, reservation");
        assertThatThrownBy(() -> Replicas.parse("reservation=2,reservation-service=3"))
                .hasMessageContaining("names reservation twice");
        assertThatThrownBy(() -> Replicas.parse("2,3")).hasMessageContaining("every service twice");
        assertThatThrownBy(() -> Replicas.parse("")).hasMessageContaining("not ''");
    }
}
