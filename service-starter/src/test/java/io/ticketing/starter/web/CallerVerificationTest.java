package io.ticketing.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.ticketing.identity.CallerSignatures;

class CallerVerificationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
    private final CallerSignatures signatures = new CallerSignatures(CallerSignatures.LOCAL_SECRET);
    private final CallerVerification filter = new CallerVerification(signatures, Clock.fixed(NOW, ZoneOffset.UTC));

    private static MockHttpServletRequest request(String path, String customer) {
        var request = new MockHttpServletRequest("GET", path);
        if (customer != null) {
            request.addHeader("X-Customer-Id", customer);
        }
        return request;
    }

    private void sign(MockHttpServletRequest request, String caller, String customer) {
        request.addHeader(CallerSignatures.CALLER_HEADER, caller);
        request.addHeader(CallerSignatures.SIGNATURE_HEADER, signatures.sign(
                new CallerSignatures.Identity(caller, customer, null, null), NOW.getEpochSecond()));
    }

    private MockHttpServletResponse call(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void refusesACustomerClaimedWithoutTheGatewaysSignature() throws Exception {
        var chain = new MockFilterChain();
        var response = call(request("/api/v1/bookings", "0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11"), chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"CALLER_UNVERIFIED\"");
        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
    }

    @Test
    void refusesASignatureMadeForAnotherCustomer() throws Exception {
        var request = request("/api/v1/bookings", "7c1d7a4e-0000-4d7e-9d7a-1b1c8f0c7a11");
        sign(request, "gateway-service", "0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11");

        assertThat(call(request, new MockFilterChain()).getStatus()).isEqualTo(401);
    }

    @Test
    void servesTheGatewaysAndFellowServicesSignedCalls() throws Exception {
        var customer = request("/api/v1/bookings", "0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11");
        sign(customer, "gateway-service", "0b6f6a52-6f0e-4d7e-9d7a-1b1c8f0c7a11");
        var internal = request("/internal/v1/shows/s1/seat-states", null);
        sign(internal, "reservation-service", null);

        for (var request : new MockHttpServletRequest[] { customer, internal }) {
            var chain = new MockFilterChain();
            assertThat(call(request, chain).getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }

    @Test
    void leavesProbesAndTheApiDocumentOpen() throws Exception {
        for (String path : new String[] { "/actuator/health/readiness", "/v3/api-docs" }) {
            var chain = new MockFilterChain();
            call(request(path, null), chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
        }
    }
}
