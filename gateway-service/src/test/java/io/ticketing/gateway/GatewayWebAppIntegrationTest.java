package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.JsonApi;

/**
 * The web app is served to anyone, without a key, with a content security policy, and tells browsers the web client
 * key; the API behind it still needs a key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWebAppIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheCustomerAppAndTheAdminConsoleWithoutAKey() throws Exception {
        var app = get("/");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(app.body()).contains("/app/main.js");
        assertThat(app.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(app.headers().firstValue("Cache-Control")).hasValue("no-cache");

        assertThat(get("/admin/").body()).contains("/admin/main.js");
        var redirect = get("/admin");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/admin/"));

        var script = get("/shared/api.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(get("/webjars/qr-creator/1.0.0/dist/qr-creator.es6.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void answersAMissingFileWithAProblemAndKeepsTheApiBehindItsKey() throws Exception {
        var missing = new JsonApi("http://127.0.0.1:" + port).get("/app/no-such-module.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(new JsonApi("http://127.0.0.1:" + port).get("/api/v1/cities").text("code")).isEqualTo("API_KEY_MISSING");
    }

    @Test
    void tellsBrowsersTheWebClientKey() {
        var config = new JsonApi("http://127.0.0.1:" + port).get("/web-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("apiKey")).isEqualTo("local-client-key");
    }
}
