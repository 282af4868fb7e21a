package io.ticketing.gateway;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** The only public entry to the platform: every {@code /api/**} call passes through here. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** For the gateway's own calls to the services (health, API docs); proxied traffic does not use it. */
    @Bean
    WebClient serviceClient(ObjectProvider<WebClient.Builder> builder) {
        return builder.getIfAvailable(WebClient::builder).build();
    }
}
