package io.ticketing.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/** What a client is told when the call to a service fails in the gateway. */
class ProblemErrorHandlerTest {

    private final ProblemErrorHandler handler = new ProblemErrorHandler(new Problems(JsonMapper.builder().build()));

    @Test
    void aServiceKilledInTheMiddleOfARequestIsUnavailableNotAnInternalError() {
        // what the epoll transport reports when the service's process dies with the connection open (SIGKILL)
        assertAnswer(new IOException("recvAddress(..) failed: Connection reset by peer"), 503, "SERVICE_UNAVAILABLE");
        assertAnswer(new SocketException("Connection reset"), 503, "SERVICE_UNAVAILABLE");
        assertAnswer(new IllegalStateException("wrapped", new IOException("writevAddresses(..) failed: Broken pipe")),
                503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void aConnectionThatClosedBeforeTheRequestWentOutIsUnavailableNotAnInternalError() {
        // a pooled connection to reservation-service as it was killed, in the chaos audit on two instances
        assertAnswer(AbortedException.beforeSend(), 503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void anErrorOfTheGatewaysOwnIsAnInternalError() {
        assertAnswer(new IllegalStateException("a bug"), 500, "INTERNAL_ERROR");
    }

    private void assertAnswer(Throwable error, int status, String code) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/shows/s1/seats"));
        handler.handle(exchange, error).block();
        assertThat(exchange.getResponse().getStatusCode().value()).as("%s", error).isEqualTo(status);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"" + code + "\"");
    }
}
