package io.ticketing.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketing.gateway.access.AccessFilter;
import io.ticketing.gateway.access.CustomerSession;
import io.ticketing.gateway.web.RequestIdFilter;
import io.ticketing.identity.AdmissionTokens;
import reactor.core.publisher.Mono;

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

    @Test
    void timesAHoldFromItsArrivalAtTheGatewaySoTheFiltersBeforeTheGateCountToo() {
        var waitingService = new WaitingServiceGate();
        waitingService.answers(new RoomsClient.OpenRoom(SHOW, 250));
        var rooms = new Rooms(waitingService, new AdmissionProperties(Duration.ofMillis(500)),
                new SimpleMeterRegistry());
        rooms.refresh().block();
        var tokens = new AdmissionTokens("an internal secret of the test, long enough for its keys");
        var gate = new AdmissionGate(rooms, tokens, Clock.systemUTC(), null, new SimpleMeterRegistry());
        UUID customer = UUID.randomUUID();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("http://gateway/api/v1/shows/" + SHOW + "/holds")
                .header(AdmissionTokens.HEADER, tokens.issue(SHOW, customer, Instant.now().plusSeconds(300))));
        exchange.getAttributes().put(AccessFilter.SESSION_ATTRIBUTE,
                new CustomerSession("session", customer, "fan@example.com", Instant.now().plusSeconds(600)));
        // the session and rate limits before the gate took 300 ms; the service answers at once
        WebFilter slowBeforeTheGate = (request, chain) -> Mono.delay(Duration.ofMillis(300))
                .then(chain.filter(request));
        new DefaultWebFilterChain(request -> Mono.empty(), List.of(new RequestIdFilter(), slowBeforeTheGate, gate))
                .filter(exchange).block();

        rooms.refresh().block();
        assertThat(waitingService.lastReport()).as("slower than the room's 250 ms, as its customer waited")
                .containsExactly(new RoomsClient.ShowHolds(SHOW, 1, 1, 0));
    }

    /** A request for the path as given: percent-encoded and all. */
    private static ServerHttpRequest post(String path) {
        return MockServerHttpRequest.method(HttpMethod.POST, URI.create("http://gateway" + path)).build();
    }

    private static ServerHttpRequest get(String path) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://gateway" + path)).build();
    }
}
