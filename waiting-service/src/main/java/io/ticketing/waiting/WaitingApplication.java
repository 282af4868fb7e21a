package io.ticketing.waiting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import io.ticketing.identity.AdmissionTokens;

/**
 * Per-show first-come-first-served waiting lists for seats that others hold, and virtual waiting rooms that admit an
 * on-sale's crowd at a rate the platform can serve.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WaitingApplication {

    public static void main(String[] args) {
        SpringApplication.run(WaitingApplication.class, args);
    }

    /** Issues the waiting rooms' admission tokens, which the gateway checks with the same internal secret. */
    @Bean
    AdmissionTokens admissionTokens(@Value("${ticketing.internal.secret}") String secret) {
        return new AdmissionTokens(secret);
    }
}
