package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Customers' requests over several gateway instances, one of them gone. */
class RecordingClientTest {

    @Test
    void aRequestAGatewayRefusedGoesToTheNextAndEachGatewayGetsItsTurn() throws Exception {
        var answers = new Answers();
        AtomicInteger served = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        try {
            var client = new RecordingClient(List.of(base(gateway.getAddress().getPort()), base(closedPort())),
                    "key", answers);
            for (int request = 0; request < 4; request++) {
                assertThat(client.get("GET shows", "/api/v1/shows", null)).isPresent();
            }
        }
        finally {
            gateway.stop(0);
        }

        assertThat(served).hasValue(4);
        assertThat(answers.unanswered()).isEmpty();
        assertThat(answers.table()).containsEntry("GET shows", Map.of("200", 4L));
    }

    @Test
    void aRequestNoGatewayTookIsUnanswered() throws Exception {
        var answers = new Answers();
        var client = new RecordingClient(List.of(base(closedPort()), base(closedPort())), "key", answers);

        assertThat(client.post("POST hold", "/api/v1/shows/x/holds", null, Map.of())).isEmpty();
        assertThat(answers.unanswered()).singleElement().extracting(Answers.Unanswered::failure)
                .isEqualTo("ConnectException");
    }

    private static URI base(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A port nothing listens on: one just let go. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
