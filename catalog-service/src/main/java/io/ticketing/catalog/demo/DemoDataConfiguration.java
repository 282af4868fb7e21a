package io.ticketing.catalog.demo;

import java.time.Clock;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo seeding on start and the one-shot generator, each only when its property turns it on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DemoDataProperties.class, GenerateProperties.class })
class DemoDataConfiguration {

    /** Runs before the service reports ready, so nobody sees a half-seeded catalog. */
    @Bean
    @ConditionalOnBooleanProperty("ticketing.catalog.demo-data.enabled")
    ApplicationRunner demoDataSeeding(DemoData demoData) {
        return args -> demoData.seedIfEmpty();
    }

    @Bean
    @ConditionalOnBooleanProperty(GenerateMode.ENABLED)
    CatalogGeneration catalogGeneration(GenerateProperties properties, CatalogLoader loader, JdbcClient jdbc,
            Clock clock, ConfigurableApplicationContext context) {
        return new CatalogGeneration(properties, loader, jdbc, clock, context);
    }
}
