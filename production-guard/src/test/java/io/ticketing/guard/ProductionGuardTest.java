package io.ticketing.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

class ProductionGuardTest {

    @Test
    void refusesToStartOutsideTheLocalProfileWhileADevelopmentDefaultIsInEffect() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production", "--test.secret=published"))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("test.secret is a development value published in this repository")
                .satisfies(refused -> assertThat(((DevelopmentDefaultsRefused) refused).inEffect()).hasSize(1));
    }

    @Test
    void refusesTheThrowawaySecretsOfTheImagesTrainingRun() {
        assertThatThrownBy(() -> start("--test.secret=" + DevelopmentDefaults.TRAINING_RUN_SECRETS.iterator().next()))
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("test.secret is a development value published in this repository");
    }

    @Test
    void letsATrainingRunThroughWhichExitsOnceTheContextIsRefreshed() {
        var environment = new StandardEnvironment();
        var prepared = new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(Empty.class), new String[0], environment);
        assertThatThrownBy(() -> new ProductionGuard().onApplicationEvent(prepared))
                .isInstanceOf(DevelopmentDefaultsRefused.class);
        // only where Spring reads it: no context is refreshed here, which would exit at once
        SpringProperties.setProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME, "onRefresh");
        try {
            new ProductionGuard().onApplicationEvent(prepared);
        }
        finally {
            SpringProperties.setProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME, null);
        }
    }

    @Test
    void refusesToStartWithoutAnyProfileWhenASecretIsMissing() {
        assertThatThrownBy(() -> start())
                .isInstanceOf(DevelopmentDefaultsRefused.class)
                .hasMessageContaining("test.secret is not set (TEST_SECRET)");
    }

    @Test
    void startsWithTheDeploymentsOwnSettings() {
        try (ConfigurableApplicationContext context = start("--test.secret=a-secret-of-our-own")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void startsWithDevelopmentDefaultsUnderTheLocalProfile() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=local", "--test.secret=published")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void reportsEachSettingAndWhatToDo() {
        FailureAnalysis analysis = new DevelopmentDefaultsFailureAnalyzer()
                .analyze(new DevelopmentDefaultsRefused(List.of("a is not set (A)", "b is published")));
        assertThat(analysis.getDescription()).contains("  - a is not set (A)").contains("  - b is published");
        assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=local");
    }

    @Test
    void namesTheVariableThatSetsAProperty() {
        assertThat(DevelopmentDefaults.variable("ticketing.payment.stripe.webhook-secret"))
                .isEqualTo("TICKETING_PAYMENT_STRIPE_WEBHOOK_SECRET");
        assertThat(DevelopmentDefaults.variable("ticketing.gateway.access.api-keys[0].sha256"))
                .isEqualTo("TICKETING_GATEWAY_ACCESS_API_KEYS_0_SHA256");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    /** Listed in this module's test {@code META-INF/spring.factories}. */
    public static final class TestDefaults implements DevelopmentDefaults {

        @Override
        public List<String> inEffect(Environment environment) {
            return DevelopmentDefaults.secret(environment, "test.secret", Set.of("published")).stream().toList();
        }
    }
}
