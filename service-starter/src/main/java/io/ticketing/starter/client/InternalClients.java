package io.ticketing.starter.client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.RequestRejectedException;

/**
 * Another service's {@code /internal/v1/...} endpoints as an {@code @HttpExchange} interface this service calls:
 * JSON requests signed by this service, with a time limit, and one answer when the other service cannot give a usable
 * one — the {@code 503} problem the caller chose, so that its own client retries rather than seeing a 500. Built on
 * Spring Boot's {@link RestClient.Builder}, which brings the application's JSON mapper and the
 * {@code http.client.requests} observation (a timer, and a client span whose W3C trace context goes with the request,
 * so that the other service's work joins the trace).
 */
public final class InternalClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final InternalCaller caller;
    private final RestClient.Builder restClients;

    public InternalClients(InternalCaller caller, RestClient.Builder restClients) {
        this.caller = caller;
        this.restClients = restClients;
    }

    /**
     * A client of the other service.
     *
     * @param type the {@code @HttpExchange} interface of the endpoints called
     * @param baseUrl the other service, e.g. {@code http://127.0.0.1:8082}
     * @param timeout the longest a request may wait for its answer
     * @param outcomes the error statuses that answer the caller's question (a hold that does not exist: 404), thrown
     *        as Spring's {@code HttpClientErrorException} for the caller to catch; any other status but a 2xx is
     *        {@code unavailable}
     * @param unavailable the problem of a call that got no answer in time, or an answer the caller does not expect
     */
    public <T> T create(Class<T> type, String baseUrl, Duration timeout, Set<HttpStatus> outcomes,
            Supplier<RequestRejectedException> unavailable) {
        // HttpURLConnection rather than the JDK's HttpClient, whose Spring request factory sends asynchronously: the
        // JDK completes such a response on the common fork-join pool, and a caller running there while the pool is
        // busy waited out its timeout (two instances serving a waiting line at once, in its integration test)
        var requests = new SimpleClientHttpRequestFactory() {
            @Override
            protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
                super.prepareConnection(connection, method);
                connection.setInstanceFollowRedirects(false); // a redirect is an answer the caller does not expect
            }
        };
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(timeout);
        RestClient client = restClients.clone().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(CallerSignatures.CALLER_HEADER, caller.name());
                    request.getHeaders().set(CallerSignatures.SIGNATURE_HEADER, caller.signature());
                    try {
                        return execution.execute(request, body);
                    }
                    catch (IOException ex) {
                        throw unavailable.get();
                    }
                })
                .defaultStatusHandler(status -> !status.is2xxSuccessful() && !outcomes.contains(status),
                        (request, response) -> {
                            throw unavailable.get();
                        })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(type);
    }
}
