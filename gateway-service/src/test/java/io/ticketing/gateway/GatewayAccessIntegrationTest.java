package io.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.ticketing.identity.CallerSignatures;
import io.ticketing.testsupport.JsonApi;


/**
 * Nobody gets in without a key, client keys stay out of the admin API, session tokens are checked for
 * forgery and expiry, and identity headers from outside never reach a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayAccessIntegrationTest {

    private static final String SECRET = "local-development-session-secret-not-for-production";
    private static final CallerSignatures SIGNATURES = new CallerSignatures(CallerSignatures.LOCAL_SECRET);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    private JsonApi anonymous() {
        return new JsonApi("http://127.0.0.1:" + port);
    }

    private JsonApi client() {
        return anonymous().withHeader("X-API-Key", "local-client-key");
    }

    @Test
    void refusesARequestWithoutAKey() {
        var response = anonymous().get("/api/v1/cities");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("API_KEY_MISSING");
    }

    @Test
    void refusesAnUnknownKey() {
        var response = anonymous().withHeader("X-API-Key", "guessed-key").get("/api/v1/cities");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void keepsClientKeysOutOfTheAdminApi() {
        var response = client().post("/api/v1/admin/cities", Map.of("name", "X"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("ADMIN_KEY_REQUIRED");
        var admin = anonymous().withHeader("X-API-Key", "local-admin-key").post("/api/v1/admin/cities", Map.of());
        assertThat(admin.status()).isEqualTo(200);
        assertThat(StubServices.lastRequestTo("catalog").headers().getFirst("X-Api-Client")).isEqualTo("local-admin");
        assertThat(client().put("/api/v1/admin/shows/s1/queue", Map.of()).text("code"))
                .as("a show's waiting room").isEqualTo("ADMIN_KEY_REQUIRED");
    }

    @Test
    void neverPassesTheKeyItselfToServices() {
        client().get("/api/v1/movies/m1");
        var received = StubServices.lastRequestTo("catalog");
        assertThat(received.path()).isEqualTo("/api/v1/movies/m1");
        assertThat(received.headers().containsKey("X-API-Key")).isFalse();
        assertThat(received.headers().getFirst("X-Api-Client")).isEqualTo("local-client");
    }

    private JsonApi admin() {
        return anonymous().withHeader("X-API-Key", "local-admin-key");
    }

    /** Asks for a code for {@code email}: the challenge, and the code as the gateway handed it to the mailer. */
    private String[] challenge(String email) {
        var challenge = client().post("/api/v1/sessions/challenges", Map.of("email", email));
        assertThat(challenge.status()).isEqualTo(202);
        var mailed = StubServices.lastRequestTo("notification");
        assertThat(mailed.path()).isEqualTo("/internal/v1/sign-in-codes");
        assertThat(mailed.body()).contains(challenge.text("challengeId"), email.toLowerCase(Locale.ROOT));
        String code = mailed.body().replaceAll(".*\"code\":\"([0-9]{6})\".*", "$1");
        return new String[] { challenge.text("challengeId"), code };
    }

    private JsonApi.Response signIn(String challengeId, String code) {
        return client().post("/api/v1/sessions", Map.of("challengeId", challengeId, "code", code));
    }

    @Test
    void signsACustomerInWithTheMailedCodeAsTheSameCustomerOnEveryDevice() {
        String[] laptop = challenge("Ana@Example.com");
        String[] phone = challenge("ana@example.com");

        var onLaptop = signIn(laptop[0], laptop[1]);
        var onPhone = signIn(phone[0], phone[1]);

        assertThat(onLaptop.status()).isEqualTo(201);
        assertThat(Instant.parse(onLaptop.text("expiresAt"))).isAfter(Instant.now().plusSeconds(3600));
        assertThat(onPhone.text("customerId")).isEqualTo(onLaptop.text("customerId"));
        assertThat(onPhone.text("token")).isNotEqualTo(onLaptop.text("token"));
        var response = client().withHeader("Authorization", "Bearer " + onPhone.text("token")).get("/api/v1/bookings");
        assertThat(response.status()).isEqualTo(200);
        var received = StubServices.lastRequestTo("booking");
        assertThat(received.headers().getFirst("X-Customer-Id")).isEqualTo(onLaptop.text("customerId"));
        assertThat(received.headers().getFirst("X-Customer-Email")).isEqualTo("ana@example.com");
        assertThat(received.headers().containsKey("Authorization")).isFalse();
        assertThat(SIGNATURES.verify(new CallerSignatures.Identity("gateway-service", onLaptop.text("customerId"),
                "ana@example.com", "local-client"), received.headers().getFirst("X-Ticketing-Signature"),
                Instant.now().getEpochSecond())).as("the identity signed for the service").isTrue();
        assertThat(signIn(laptop[0], laptop[1]).text("code")).as("a code signs in once").isEqualTo("CHALLENGE_NOT_FOUND");
    }

    @Test
    void givesACodeFiveAttemptsAndThenVoidsIt() {
        String[] challenge = challenge("bea@example.com");
        String wrong = challenge[1].equals("000000") ? "000001" : "000000";

        for (int left = 4; left >= 0; left--) {
            var refused = signIn(challenge[0], wrong);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("CODE_INCORRECT");
            assertThat(refused.json().get("attemptsLeft").asInt()).isEqualTo(left);
        }
        var afterwards = signIn(challenge[0], challenge[1]);
        assertThat(afterwards.status()).as("the right code, too late").isEqualTo(404);
        assertThat(afterwards.text("code")).isEqualTo("CHALLENGE_NOT_FOUND");
        assertThat(signIn(UUID.randomUUID().toString(), "123456").status()).isEqualTo(404);
    }

    @Test
    void mailsAnAddressNoMoreThanFiveCodesInAWindow() {
        String email = "flooded-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(client().post("/api/v1/sessions/challenges", Map.of("email", email)).status()).isEqualTo(202);
        }
        var refused = client().post("/api/v1/sessions/challenges", Map.of("email", email.toUpperCase()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("SIGN_IN_RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 900));
    }

    @Test
    void signsOutOneSessionAndNotTheCustomersOthers() {
        String laptop = admin().post("/api/v1/admin/sessions", Map.of("email", "dora@example.com")).text("token");
        String phone = admin().post("/api/v1/admin/sessions", Map.of("email", "dora@example.com")).text("token");

        assertThat(client().withHeader("Authorization", "Bearer " + laptop).delete("/api/v1/sessions/current")
                .status()).isEqualTo(204);

        var refused = client().withHeader("Authorization", "Bearer " + laptop).get("/api/v1/bookings");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("SESSION_ENDED");
        assertThat(client().withHeader("Authorization", "Bearer " + phone).get("/api/v1/bookings").status())
                .isEqualTo(200);
        assertThat(client().delete("/api/v1/sessions/current").text("code")).isEqualTo("SESSION_REQUIRED");
    }

    @Test
    void opensSessionsForACustomerOnlyForAdmins() {
        var byAdmin = admin().post("/api/v1/admin/sessions", Map.of("email", "Eve@example.com"));
        assertThat(byAdmin.status()).isEqualTo(201);
        String[] signedIn = challenge("eve@example.com");
        assertThat(signIn(signedIn[0], signedIn[1]).text("customerId")).isEqualTo(byAdmin.text("customerId"));

        var byClient = client().post("/api/v1/admin/sessions", Map.of("email", "eve@example.com"));
        assertThat(byClient.status()).isEqualTo(403);
        assertThat(byClient.text("code")).isEqualTo("ADMIN_KEY_REQUIRED");
    }

    @Test
    void requiresASessionForTheCustomersOwnResources() {
        for (String path : new String[] { "/api/v1/bookings", "/api/v1/holds/h1", "/api/v1/waitlist/w1",
                "/api/v1/payments/p1/confirm", "/api/v1/shows/s1/holds", "/api/v1/no-op",
                "/api/v1/bookings/b1/tickets.pdf", "/api/v1/shows/s1/queue", "/api/v1/queue/t1",
                "/api/v1/queue/t1/stream" }) {
            var response = client().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.text("code")).as(path).isEqualTo("SESSION_REQUIRED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void letsTicketScannersCheckCodesWithAClientKeyAndNoSession() {
        assertThat(anonymous().get("/api/v1/tickets/public-key").text("code")).isEqualTo("API_KEY_MISSING");
        assertThat(client().get("/api/v1/tickets/public-key").status()).isEqualTo(200);
        assertThat(client().post("/api/v1/tickets/verify", Map.of("code", "c")).status()).isEqualTo(200);
        assertThat(StubServices.lastRequestTo("notification").path()).isEqualTo("/api/v1/tickets/verify");
    }

    @Test
    void capsTheLiveStreamsOneCustomerHoldsOpen() throws Exception {
        String token = admin().post("/api/v1/admin/sessions", Map.of("email", "streams-" + UUID.randomUUID()
                + "@example.com")).text("token");
        // a path with "slow" in it is answered after 2 s: the stream stays open that long
        var stream = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/shows/slow/seats/stream")).header("X-API-Key", "local-client-key")
                .header("Authorization", "Bearer " + token).build();
        var http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(http.sendAsync(stream, HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(StubServices.SLOW_MILLIS / 3);

        var sixth = client().withHeader("Authorization", "Bearer " + token).get("/api/v1/shows/slow/seats/stream");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.isProblem()).isTrue();
        assertThat(sixth.text("code")).isEqualTo("TOO_MANY_STREAMS");
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(client().withHeader("Authorization", "Bearer " + token).get("/api/v1/queue/t1/stream").text("code"))
                .as("a waiting room's stream counts too").isEqualTo("TOO_MANY_STREAMS");
        assertThat(five).allSatisfy(open -> assertThat(open.join().statusCode()).isEqualTo(200));
        assertThat(client().withHeader("Authorization", "Bearer " + token).get("/api/v1/shows/s1/seats/stream")
                .status()).as("room again once they closed").isEqualTo(200);
    }

    @Test
    void letsOnlyScannersAndAdminsAdmitTickets() {
        String admit = "/api/v1/tickets/" + UUID.randomUUID() + "/admit";
        var byClient = client().post(admit, Map.of("code", "a.b"));
        assertThat(byClient.status()).isEqualTo(403);
        assertThat(byClient.text("code")).isEqualTo("SCANNER_KEY_REQUIRED");

        assertThat(anonymous().withHeader("X-API-Key", "local-scanner-key").post(admit, Map.of("code", "a.b")).status())
                .isEqualTo(200);
        assertThat(StubServices.lastRequestTo("notification").headers().getFirst("X-Api-Client")).isEqualTo("local-scanner");
        assertThat(admin().post(admit, Map.of("code", "a.b")).status()).isEqualTo(200);
        assertThat(anonymous().withHeader("X-API-Key", "local-scanner-key").get("/api/v1/admin/cities").text("code"))
                .isEqualTo("ADMIN_KEY_REQUIRED");
    }

    @Test
    void stripsIdentityHeadersSentFromOutside() {
        String victim = UUID.randomUUID().toString();
        var forged = new CallerSignatures.Identity("gateway-service", victim, null, "local-client");
        client().withHeader("X-Customer-Id", victim).withHeader("X-Api-Client", "local-admin")
                .withHeader("X-Ticketing-Caller", "gateway-service")
                .withHeader("X-Ticketing-Signature", SIGNATURES.sign(forged, Instant.now().getEpochSecond()))
                .get("/api/v1/cities");
        var received = StubServices.lastRequestTo("catalog");
        assertThat(received.headers().containsKey("X-Customer-Id")).isFalse();
        assertThat(received.headers().getFirst("X-Api-Client")).isEqualTo("local-client");
        assertThat(received.headers().get("X-Ticketing-Signature")).hasSize(1);
        assertThat(SIGNATURES.verify(new CallerSignatures.Identity("gateway-service", null, null, "local-client"),
                received.headers().getFirst("X-Ticketing-Signature"), Instant.now().getEpochSecond())).isTrue();

        String token = admin().post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");
        client().withHeader("Authorization", "Bearer " + token).withHeader("X-Customer-Id", victim)
                .get("/api/v1/bookings");
        assertThat(StubServices.lastRequestTo("booking").headers().get("X-Customer-Id")).doesNotContain(victim)
                .hasSize(1);
    }

    @Test
    void rejectsAnExpiredSession() throws Exception {
        String expired = token(SECRET, JWSAlgorithm.HS256, Instant.now().minusSeconds(5));
        var response = client().withHeader("Authorization", "Bearer " + expired).get("/api/v1/bookings");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void rejectsForgedAndTamperedSessions() throws Exception {
        String forged = token("someone-elses-secret-of-at-least-32-bytes!", JWSAlgorithm.HS256,
                Instant.now().plusSeconds(600));
        String genuine = admin().post("/api/v1/admin/sessions", Map.of("email", "ana@example.com")).text("token");
        String[] parts = genuine.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"ticketing-gateway\",\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":4102444800}")
                        .getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + otherClaims + ".";

        for (String token : new String[] { forged, tampered, unsigned, "not-a-token" }) {
            var response = client().withHeader("Authorization", "Bearer " + token).get("/api/v1/bookings");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.text("code")).as(token).isEqualTo("SESSION_INVALID");
        }
        var basic = client().withHeader("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/bookings");
        assertThat(basic.text("code")).isEqualTo("SESSION_INVALID");
    }

    @Test
    void refusesMalformedSignInsWithoutMailingAnything() {
        var mailedBefore = StubServices.lastRequestTo("notification");
        for (var response : List.of(client().post("/api/v1/sessions/challenges", Map.of("email", "not an email")),
                client().post("/api/v1/sessions/challenges", Map.of()),
                client().post("/api/v1/sessions", Map.of("email", "ana@example.com")),
                client().post("/api/v1/sessions", Map.of("challengeId", UUID.randomUUID().toString(), "code", "12345")),
                client().post("/api/v1/sessions", Map.of("challengeId", "not-a-uuid", "code", "123456")),
                admin().post("/api/v1/admin/sessions", Map.of()))) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(StubServices.lastRequestTo("notification")).isSameAs(mailedBefore);
    }

    @Test
    void letsStripeWebhooksThroughWithoutAKey() {
        var response = anonymous().postRaw("/api/v1/payments/webhooks/stripe", "{}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(StubServices.lastRequestTo("payment").path()).isEqualTo("/api/v1/payments/webhooks/stripe");
    }

    @Test
    void refusesOversizedBodiesWith413() {
        var response = client().postRaw("/api/v1/sessions/challenges", "{\"email\":\"" + "a".repeat(300_000) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void letsAdminsSendTheLayoutOfAnArenaButNotMore() {
        String arena = "{\"name\":\"" + "a".repeat(3_000_000) + "\"}";
        String tooLarge = "{\"name\":\"" + "a".repeat(9_000_000) + "\"}";

        var admin = anonymous().withHeader("X-API-Key", "local-admin-key");
        assertThat(admin.postRaw("/api/v1/admin/cities", arena).status()).isNotEqualTo(413);
        assertThat(admin.postRaw("/api/v1/admin/cities", tooLarge).status()).isEqualTo(413);
    }

    @Test
    void answersCorsPreflightsFromLocalWebApps() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cities"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-API-Key")
                .build();
        var response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    }

    private static String token(String secret, JWSAlgorithm algorithm, Instant expiresAt) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("ticketing-gateway").subject(UUID.randomUUID().toString())
                .jwtID(UUID.randomUUID().toString()).expirationTime(Date.from(expiresAt)).build();
        var jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
