package io.ticketing.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class GenerateModeTest {

    @Test
    void runsWithoutWebServerListenersRepublishingOrDemoDataWhenGenerating() {
        var environment = environment(Map.of("ticketing.catalog.generate.enabled", "true",
                "ticketing.catalog.demo-data.enabled", "true", "spring.main.web-application-type", "servlet"));

        new GenerateMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isEqualTo("false");
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                .isEqualTo("false");
        assertThat(environment.getProperty("ticketing.catalog.demo-data.enabled")).isEqualTo("false");
    }

    @Test
    void changesNothingForTheService() {
        var environment = environment(Map.of("ticketing.catalog.demo-data.enabled", "true"));

        new GenerateMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("ticketing.catalog.demo-data.enabled")).isEqualTo("true");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
