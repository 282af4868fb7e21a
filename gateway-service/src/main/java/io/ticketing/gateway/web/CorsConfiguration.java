package io.ticketing.gateway.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.ticketing.identity.AdmissionTokens;

/**
 * Lets browser apps from {@code ticketing.gateway.cors.allowed-origins} call the API. Answered before the key
 * check, because browsers send preflight requests without the app's headers.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    CorsWebFilter corsWebFilter(@Value("${ticketing.gateway.cors.allowed-origins}") List<String> allowedOrigins) {
        var cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-API-Key", "Idempotency-Key", "X-Request-Id",
                AdmissionTokens.HEADER));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "Location"));
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new CorsWebFilter(source);
    }
}
