package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.ticketing.testsupport.JsonApi;

/** The running platform's public entry as the system tests use it: the local keys and customer sessions. */
final class Platform {

    static final JsonApi ADMIN = new JsonApi(LocalStackProcess.GATEWAY).withHeader("X-API-Key", "local-admin-key");
    static final JsonApi CLIENT = new JsonApi(LocalStackProcess.GATEWAY).withHeader("X-API-Key", "local-client-key");

    private Platform() {
    }

    /** The client app with a new session of the customer with this e-mail address. */
    static JsonApi customer(String email) {
        return CLIENT.withHeader("Authorization", "Bearer " + CLIENT.post("/api/v1/sessions", Map.of("email", email))
                .text("token"));
    }

    /** The id of what an admin request created; fails the test unless it answered 201. */
    static String created(JsonApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }
}
