package io.ticketing.benchmarks.chaos;

import java.io.IOException;
import java.util.Map;

import io.ticketing.benchmarks.Gateway;

/** Opens customers' sessions as support staff and load tests do: {@code POST /api/v1/admin/sessions}, admin key. */
final class CustomerSessions {

    private static final String PATH = "/api/v1/admin/sessions";

    private final Gateway gateway;
    private final String adminKey;

    CustomerSessions(Gateway gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    /** A new session's token for this e-mail address; fails when the gateway refuses or does not answer. */
    String open(String email) throws IOException, InterruptedException {
        Gateway.Response session = gateway.post(PATH, adminKey, Map.of("email", email));
        if (session.status() != 201 && session.status() != 200) {
            throw new IOException("POST " + PATH + " answered " + session.status() + ": " + session.text());
        }
        return session.json().path("token").asString();
    }

    /** Where the sessions come from, for the printout. */
    String source() {
        return "POST " + PATH + " (admin key)";
    }
}
