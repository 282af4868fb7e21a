package io.ticketing.benchmarks.holdrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketing.benchmarks.Sessions;
import io.ticketing.identity.CallerSignatures;

class WrkScriptsTest {

    private static final CallerSignatures SIGNATURES = new CallerSignatures(CallerSignatures.LOCAL_SECRET);
    private static final List<Sessions.Session> SESSIONS = List.of(
            new Sessions.Session("eyJ0.a-b_c", "0b0e7d1c-53a4-4ad3-9ab4-6d3c1b0e2f11", "hold-rate-x-0@example.com"),
            new Sessions.Session("eyJ0.d-e_f", "5f1c2a3b-6d7e-4f80-91a2-b3c4d5e6f708", "hold-rate-x-1@example.com"));

    @TempDir
    Path directory;

    @Test
    void writesOneLinePerCustomerForTheScriptsToRead() throws IOException {
        Path file = new WrkScripts(directory, 1).sessions(SESSIONS);

        assertThat(Files.readAllLines(file)).containsExactly(
                "eyJ0.a-b_c 0b0e7d1c-53a4-4ad3-9ab4-6d3c1b0e2f11 hold-rate-x-0@example.com",
                "eyJ0.d-e_f 5f1c2a3b-6d7e-4f80-91a2-b3c4d5e6f708 hold-rate-x-1@example.com");
        assertThatThrownBy(() -> new WrkScripts(directory, 1).sessions(List.of(new Sessions.Session("a b", "c", "d"))))
                .hasMessageContaining("blanks");
    }

    @Test
    void sendsTheNoOpStraightToTheServiceWithTheGatewaysIdentityHeadersSigned() throws IOException {
        var scripts = new WrkScripts(directory, 2);
        Path script = scripts.noOp(Phase.NO_OP_DIRECT, URI.create("http://127.0.0.1:8082"), scripts.sessions(SESSIONS),
                "local-client-key", "local-client", SIGNATURES);

        assertThat(script).hasFileName("no-op-direct.lua");
        assertThat(Files.readString(script))
                .contains("local THREADS = 2")
                .contains("POST /api/v1/no-op HTTP/1.1\\r\\nHost: \" .. \"127.0.0.1:8082\"")
                .contains("\"X-Customer-Id: \" .. customer .. \"\\r\\nX-Customer-Email: \" .. email")
                .contains("X-Api-Client: \" .. \"local-client\"")
                .contains("X-Ticketing-Caller: gateway-service\\r\\nX-Ticketing-Signature: \" .. signature")
                .contains("sessions-signed.txt");
        String[] signed = Files.readAllLines(directory.resolve("sessions-signed.txt")).getFirst().split(" ");
        assertThat(SIGNATURES.verify(new CallerSignatures.Identity("gateway-service", signed[1], signed[2], "local-client"),
                signed[3], java.time.Instant.now().getEpochSecond())).as("signed over the customer it names").isTrue();
        assertThat(Files.readString(script))
                .doesNotContain("X-API-Key")
                .contains("function response(status, headers, body)")
                .contains("hold-rate statuses");
    }

    @Test
    void sendsTheNoOpThroughTheGatewayWithKeyAndSession() throws IOException {
        var scripts = new WrkScripts(directory, 1);
        Path script = scripts.noOp(Phase.NO_OP_GATEWAY, URI.create("http://127.0.0.1:8080"), scripts.sessions(SESSIONS),
                "local-client-key", "local-client", SIGNATURES);

        assertThat(Files.readString(script))
                .contains("\"X-API-Key: \" .. \"local-client-key\" .. \"\\r\\nAuthorization: Bearer \" .. token")
                .doesNotContain("X-Customer-Id");
    }

    @Test
    void walksEachThreadsPairsOnceForHoldsAndRoundAgainForRefusals() throws IOException {
        var scripts = new WrkScripts(directory, 2);
        Path sessions = scripts.sessions(SESSIONS);
        URI gateway = URI.create("http://127.0.0.1:8080");

        String holds = Files.readString(scripts.holds(Phase.HOLDS, gateway, "7d2c", 100, 28, sessions, "key",
                new long[] {120, 800}, new long[] {700, 1_400}));
        String refused = Files.readString(scripts.holds(Phase.REFUSED_HOLDS, gateway, "7d2c", 100, 28, sessions, "key",
                new long[] {0, 700}, new long[] {310, 1_020}));

        assertThat(holds).contains("local FROM = {120, 800}", "local TO = {700, 1400}", "local ROUND_AGAIN = false",
                "local NEXT_CUSTOMER = 0", "local PAIRS_PER_ROW = 50", "local HOLDS_PER_CUSTOMER = 5",
                "\"Z\", \"AA\", \"AB\"}", "POST /api/v1/shows/7d2c/holds HTTP/1.1", "wrk.thread:stop()");
        assertThat(refused).contains("local FROM = {0, 700}", "local TO = {310, 1020}", "local ROUND_AGAIN = true",
                "local NEXT_CUSTOMER = 1");
        assertThatThrownBy(() -> scripts.holds(Phase.HOLDS, gateway, "7d2c", 100, 28, sessions, "key", new long[] {0},
                new long[] {10})).hasMessageContaining("per thread");
    }

    @Test
    void readsTheSeatMapAsAnAnonymousReaderThatAcceptsGzip() throws IOException {
        Path script = new WrkScripts(directory, 2).seatMap(URI.create("http://127.0.0.1:8080"), "7d2c",
                "local-client-key");

        assertThat(script).hasFileName("seat-map.lua");
        assertThat(Files.readString(script))
                .contains("phase \"seat-map reads via gateway\"")
                .contains("local THREADS = 2")
                .contains("local REQUEST = \"GET /api/v1/shows/7d2c/seats HTTP/1.1\\r\\nHost: \" .. "
                        + "\"127.0.0.1:8080\" .. \"\\r\\nX-API-Key: \" .. \"local-client-key\"")
                .contains("\"\\r\\nAccept-Encoding: gzip\\r\\n\\r\\n\"")
                .contains("return REQUEST")
                .doesNotContain("Authorization", "SESSIONS", "Content-Length")
                .contains("function response(status, headers, body)")
                .contains("hold-rate statuses");
    }

    @Test
    void namesTheSeatsOfAPairAsTheHoldScriptsDo() {
        assertThat(WrkScripts.seatIds(0, 100)).containsExactly("A1", "A2");
        assertThat(WrkScripts.seatIds(4, 100)).containsExactly("A9", "A10");
        assertThat(WrkScripts.seatIds(49, 100)).containsExactly("A99", "A100");
        assertThat(WrkScripts.seatIds(50, 100)).containsExactly("B1", "B2");
        assertThat(WrkScripts.seatIds(26 * 50 + 7, 100)).containsExactly("AA15", "AA16");
        assertThat(WrkScripts.seatIds(26, 50)).containsExactly("B3", "B4");
    }

    @Test
    void quotesLuaStrings() {
        assertThat(WrkScripts.lua("a\"b\\c\r\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\r\\n\\001\"");
    }
}
