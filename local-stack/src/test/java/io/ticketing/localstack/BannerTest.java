package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BannerTest {

    @Test
    void saysWhereEachServiceAndItsMetricsAre() {
        String banner = print(false);

        assertThat(banner).contains("http://localhost:9080/actuator/health");
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(banner).containsPattern(service.name() + " +http://localhost:" + service.port()
                    + " +http://localhost:" + service.managementPort() + "/actuator/prometheus\n");
        }
        assertThat(banner).contains("http://localhost:9080/actuator/prometheus")
                .contains("http://localhost:8082/actuator/prometheus");
    }

    @Test
    void namesNoServiceWhenOnlyTheInfrastructureRuns() {
        assertThat(print(true)).doesNotContain("/actuator/").contains("PostgreSQL");
    }

    @Test
    void listsEveryInstanceOfAScaledOutStack() {
        String banner = print(false, Replicas.parse("reservation=2,gateway=2"));

        assertThat(banner).contains("Gateway        http://localhost:8080").contains("Gateway        http://localhost:8180")
                .contains("http://localhost:9180/actuator/health")
                .containsPattern("reservation-service +http://localhost:8082 ")
                .containsPattern("reservation-service-2 +http://localhost:8182 +http://localhost:8182/actuator/")
                .doesNotContain("booking-service-2");
    }

    private static String print(boolean infraOnly) {
        return print(infraOnly, Replicas.ONE);
    }

    private static String print(boolean infraOnly, Replicas replicas) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Banner.print(out, new StackLayout(Path.of("build-home")), infraOnly, replicas, false, 12.3);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
