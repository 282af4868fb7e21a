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

    private static String print(boolean infraOnly) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Banner.print(out, new StackLayout(Path.of("build-home")), infraOnly, 12.3);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
