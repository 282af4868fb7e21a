package io.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Another service played by a real HTTP server on a free local port, for the tests of a client of it: every request
 * is answered with the status and JSON body set last (no body when it is empty), and the last request is kept: its
 * method and path, content type and body.
 */
public final class StubService implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 200;
    private volatile String body = "";
    private volatile String request;
    private volatile String contentType;
    private volatile String received;

    /** A service that answers every request with this status and JSON body ({@code ""}: none) until told otherwise. */
    public static StubService answering(int status, String body) {
        var service = new StubService();
        service.status(status);
        service.body(body);
        return service;
    }

    private StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Where the service answers, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request from now on with this status. */
    public void status(int answerStatus) {
        this.status = answerStatus;
    }

    /** Answers every request from now on with this JSON body ({@code ""}: none). */
    public void body(String answerBody) {
        this.body = answerBody;
    }

    /** The last request's method and path, e.g. {@code GET /internal/v1/holds/...}. */
    public String request() {
        return request;
    }

    public String contentType() {
        return contentType;
    }

    /** The last request's body. */
    public String received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
