package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.util.Map;

import io.ticketing.benchmarks.Gateway;

/**
 * Opens customers' sessions: through the admin API ({@code POST /api/v1/admin/sessions}, for support staff and load
 * tests) where the gateway has it, else as a customer would ({@code POST /api/v1/sessions}). Which one is decided by
 * the first session and kept.
 */
final class CustomerSessions {

    private static final String ADMIN_PATH = "/api/v1/admin/sessions";
    private static final String CUSTOMER_PATH = "/api/v1/sessions";

    private final Gateway gateway;
    private final String apiKey;
    private final String adminKey;
    private volatile Boolean throughAdmin;

    CustomerSessions(Gateway gateway, String apiKey, String adminKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
    }

    /** A new session's token for this e-mail address; fails when the gateway refuses or does not answer. */
    String open(String email) throws IOException, InterruptedException {
        if (throughAdmin == null || throughAdmin) {
            Gateway.Response session = gateway.post(ADMIN_PATH, adminKey, Map.of("email", email));
            if (session.status() == 201 || session.status() == 200) {
                throughAdmin = true;
                return session.json().path("token").asString();
            }
            if (session.status() == 404 || session.status() == 405) {
                throughAdmin = false;
            }
            else {
                throw new IOException("POST " + ADMIN_PATH + " answered " + session.status() + ": " + session.text());
            }
        }
        Gateway.Response session = gateway.post(CUSTOMER_PATH, apiKey, Map.of("email", email));
        if (session.status() != 201 && session.status() != 200) {
            throw new IOException("POST " + CUSTOMER_PATH + " answered " + session.status() + ": " + session.text());
        }
        return session.json().path("token").asString();
    }

    /** Where the sessions come from, for the printout. */
    String source() {
        return Boolean.TRUE.equals(throughAdmin) ? "POST " + ADMIN_PATH + " (admin key)" : "POST " + CUSTOMER_PATH;
    }
}
