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
    void aReadWhoseConnectionAGatewayCutGoesToTheNextButNothingElseDoes() throws Exception {
        var answers = new Answers();
        AtomicInteger cutPosts = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        HttpServer dying = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dying.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                cutPosts.incrementAndGet();
            }
            exchange.close(); // killed with the request in flight: no answer
        });
        HttpServer live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        dying.start();
        live.start();
        try {
            var client = new RecordingClient(List.of(base(dying.getAddress().getPort()),
                    base(live.getAddress().getPort())), "key", answers);
            assertThat(client.get("GET seat map", "/api/v1/shows/x/seats", null)).isPresent();
            assertThat(client.post("POST hold", "/api/v1/shows/x/holds", null, Map.of())).isPresent();
            assertThat(client.post("POST hold", "/api/v1/shows/x/holds", null, Map.of())).isEmpty();
        }
        finally {
            dying.stop(0);
            live.stop(0);
        }

        // the JDK's client itself may send a GET twice on a connection that broke; never a POST
        assertThat(cutPosts).as("the second POST, cut once").hasValue(1);
        assertThat(served).as("the read on the next gateway, the first POST on its turn").hasValue(2);
        assertThat(answers.unanswered()).singleElement().extracting(Answers.Unanswered::request).isEqualTo("POST hold");
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
