package io.ticketing.gateway;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.identity.AdmissionTokens;
import io.ticketing.identity.CallerSignatures;

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

    /** Signs what the gateway tells the services and verifies nothing: services verify (ADR 11). */
    @Bean
    CallerSignatures callerSignatures(@Value("${ticketing.internal.secret}") String secret) {
        return new CallerSignatures(secret);
    }

    /**
     * Checks the admission tokens of the waiting rooms, which waiting-service issues under a key derived from the same
     * secret: the gateway verifies them without asking it.
     */
    @Bean
    AdmissionTokens admissionTokens(@Value("${ticketing.internal.secret}") String secret) {
        return new AdmissionTokens(secret);
    }

    /**
     * For the gateway's own calls to the services (health, API docs, dead letters, sign-in codes, waiting rooms),
     * signed as the gateway's on no customer's behalf; proxied traffic does not use it.
     */
    @Bean
    WebClient serviceClient(ObjectProvider<WebClient.Builder> builder, CallerSignatures signatures, Clock clock) {
        var gateway = new CallerSignatures.Identity(AccessFilter.CALLER, null, null, null);
        return builder.getIfAvailable(WebClient::builder)
                .filter((request, next) -> next.exchange(ClientRequest.from(request)
                        .header(CallerSignatures.CALLER_HEADER, gateway.caller())
                        .header(CallerSignatures.SIGNATURE_HEADER,
                                signatures.sign(gateway, clock.instant().getEpochSecond()))
                        .build()))
                .build();
    }
}
