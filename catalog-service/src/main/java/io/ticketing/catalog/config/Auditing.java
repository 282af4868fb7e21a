package io.ticketing.catalog.config;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.ticketing.starter.web.CurrentCustomerResolver;

/**
 * Who changed an admin-managed aggregate, and when (JPA auditing). Who: the app whose API key the gateway checked
 * (the admin console's key names its team), with the e-mail address of the session when the request has one; the
 * service itself for changes outside a request (the demo catalog). The gateway's signature vouches for both headers.
 * When: the service's clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "changedBy", dateTimeProviderRef = "changedAt")
class Auditing {

    static final String SERVICE = "catalog-service";

    @Bean
    AuditorAware<String> changedBy() {
        return () -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
                return Optional.of(SERVICE);
            }
            String app = request.getRequest().getHeader(CurrentCustomerResolver.API_CLIENT_HEADER);
            String email = request.getRequest().getHeader(CurrentCustomerResolver.EMAIL_HEADER);
            String who = app == null ? SERVICE : app;
            return Optional.of(email == null ? who : who + " / " + email);
        };
    }

    @Bean
    DateTimeProvider changedAt(Clock clock) {
        return () -> Optional.of(clock.instant());
    }
}
