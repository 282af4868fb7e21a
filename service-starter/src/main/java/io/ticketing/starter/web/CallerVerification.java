package io.ticketing.starter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ticketing.identity.CallerSignatures;

/**
 * The service's door: a request to its API ({@code /api/**}) or its internal endpoints ({@code /internal/**}) is
 * served only with a valid signature of the gateway or a fellow service over the identity headers it carries
 * ({@link CallerSignatures}); anything else is {@code 401 CALLER_UNVERIFIED}, before any handler reads a header. So
 * a request sent straight to a service, past the gateway, cannot say which customer it is. Probes and the API
 * document stay open.
 */
public class CallerVerification extends OncePerRequestFilter {

    private final CallerSignatures signatures;
    private final Clock clock;

    public CallerVerification(CallerSignatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var identity = new CallerSignatures.Identity(request.getHeader(CallerSignatures.CALLER_HEADER),
                request.getHeader(CurrentCustomerResolver.HEADER),
                request.getHeader(CurrentCustomerResolver.EMAIL_HEADER),
                request.getHeader(CurrentCustomerResolver.API_CLIENT_HEADER));
        String signature = request.getHeader(CallerSignatures.SIGNATURE_HEADER);
        if (signatures.verify(identity, signature, clock.instant().getEpochSecond())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Only the gateway and the platform's services may call this service\","
                + "\"code\":\"CALLER_UNVERIFIED\"}").getBytes(StandardCharsets.UTF_8));
    }
}
