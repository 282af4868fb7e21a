package io.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AdmissionGateTest {

    private static final UUID SHOW = UUID.fromString("3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c");

    @Test
    void findsTheShowAHoldIsFor() {
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/" + SHOW + "/holds"))).isEqualTo(SHOW);
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/" + SHOW + "/holds/")))
                .as("the hold route takes a trailing slash too").isEqualTo(SHOW);
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/" + SHOW + ";v=1/holds")))
                .as("a path parameter, which the service's server drops").isEqualTo(SHOW);
    }

    @Test
    void readsTheShowAsTheServiceWillDecodeIt() {
        String encoded = SHOW.toString().replace("3", "%33").replace("-", "%2D");
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/" + encoded + "/holds"))).isEqualTo(SHOW);
    }

    @Test
    void leavesEverythingButAHoldOfAShowById() {
        assertThat(AdmissionGate.showHeld(get("/api/v1/shows/" + SHOW + "/holds"))).isNull();
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/s1/holds"))).isNull();
        assertThat(AdmissionGate.showHeld(post("/api/v1/shows/" + SHOW + "/queue"))).isNull();
        assertThat(AdmissionGate.showHeld(post("/api/v1/holds/" + SHOW + "/payment"))).isNull();
    }

    /** A request for the path as given: percent-encoded and all. */
    private static ServerHttpRequest post(String path) {
        return MockServerHttpRequest.method(HttpMethod.POST, URI.create("http://gateway" + path)).build();
    }

    private static ServerHttpRequest get(String path) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://gateway" + path)).build();
    }
}
