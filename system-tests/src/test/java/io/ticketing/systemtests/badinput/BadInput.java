package io.ticketing.systemtests.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ticketing.testsupport.JsonApi;

/** Sends every malformed variant of every endpoint and collects the answers that are not 4xx problems. */
public final class BadInput {

    private BadInput() {
    }

    /** @param failures one line per request that was not refused with a 4xx problem carrying a code */
    public record Report(int sent, List<String> failures) {
    }

    public static Report send(String gateway, List<Endpoint> endpoints) {
        var client = new JsonApi(gateway).withHeader("X-API-Key", "local-client-key");
        var admin = new JsonApi(gateway).withHeader("X-API-Key", "local-admin-key");
        var customer = client.withHeader("Authorization",
                "Bearer " + admin.post("/api/v1/admin/sessions", Map.of("email", "bad-input@example.com")).text("token"));
        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonApi api = switch (endpoint.key()) {
                case ADMIN -> admin;
                case CLIENT -> client;
                case CUSTOMER -> customer;
            };
            for (Mutations.Request request : Mutations.of(endpoint)) {
                JsonApi.Response response = api.request(request.method(), request.path(), request.contentType(),
                        request.body());
                sent++;
                String wrong = verdict(response);
                if (wrong != null) {
                    failures.add(endpoint + " [" + request.description() + "] -> " + wrong);
                }
            }
        }
        return new Report(sent, failures);
    }

    public static Map<String, String> quietDatabases() throws InterruptedException {
        return DatabaseSnapshot.takeWhenQuiet();
    }

    private static String verdict(JsonApi.Response response) {
        if (response.status() < 400 || response.status() > 499) {
            return response.status() + " " + abbreviate(response.body());
        }
        if (response.status() == 429) {
            return "rate-limited: the request never reached the check it was meant for";
        }
        if (!response.isProblem()) {
            return response.status() + " without problem+json: " + abbreviate(response.body());
        }
        try {
            String code = response.text("code");
            return code == null || code.isBlank() ? response.status() + " problem without a code" : null;
        }
        catch (RuntimeException unreadable) {
            return response.status() + " unreadable problem: " + abbreviate(response.body());
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
