package io.ticketing.starter.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.RequestRejectedException;

/**
 * Another service's {@code /internal/v1/...} endpoints as one service calls them: JSON requests with a time limit,
 * and one answer when the other service cannot be reached — the {@code 503} problem the caller chose, so that
 * its own client retries rather than seeing a 500.
 */
public final class InternalApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final InternalCaller caller;
    private final String baseUrl;
    private final Duration timeout;
    private final String unavailableCode;
    private final String unavailableDetail;

    /**
     * @param caller this service, which signs every request
     * @param baseUrl the other service, e.g. {@code http://127.0.0.1:8082}
     * @param timeout the longest a request may take
     * @param unavailableCode the problem code of the 503 when the service cannot answer
     * @param unavailableDetail what the customer is told then
     */
    public InternalApi(InternalCaller caller, String baseUrl, Duration timeout, String unavailableCode,
            String unavailableDetail) {
        this.caller = caller;
        this.http = caller.observed(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.unavailableCode = unavailableCode;
        this.unavailableDetail = unavailableDetail;
    }

    /** A request to {@code path} (below the base URL) that accepts JSON. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("Accept", "application/json");
    }

    /** Sends the request, signed by this service; the other service being unreachable is {@link #unavailable()}. */

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header(CallerSignatures.CALLER_HEADER, caller.name())
                    .header(CallerSignatures.SIGNATURE_HEADER, caller.signature()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw unavailable();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** The {@code 503} for an answer that cannot be used: none at all, or a status the caller did not expect. */
    public RequestRejectedException unavailable() {
        return RequestRejectedException.unavailable(unavailableCode, unavailableDetail);
    }
}
