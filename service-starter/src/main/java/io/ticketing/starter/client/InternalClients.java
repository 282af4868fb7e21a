package io.ticketing.starter.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.util.UriComponentsBuilder;

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
    private static final long PASS_OVER_SECONDS = 5;
    private static final Duration PASS_OVER = Duration.ofSeconds(PASS_OVER_SECONDS);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final InternalCaller caller;
    private final RestClient.Builder restClients;

    public InternalClients(InternalCaller caller, RestClient.Builder restClients) {
        this.caller = caller;
        this.restClients = restClients;
    }

    /**
     * A client of the other service. With several instances, each call goes to the next in turn; one that refused a
     * connection is passed over for {@value #PASS_OVER_SECONDS} s. A call that never reached its instance (refused,
     * no route) goes on to the next, whatever its method; an idempotent one (GET, HEAD, PUT, DELETE, OPTIONS) also
     * when its connection broke before the answer, but not when the answer was late: another instance's would be late
     * too, and the caller's time is spent. Each instance is tried at most once per call.
     *
     * @param type the {@code @HttpExchange} interface of the endpoints called
     * @param baseUrl the other service, e.g. {@code http://127.0.0.1:8082}, or its instances, comma-separated
     *        ({@code http://10.0.0.1:8082,http://10.0.0.2:8082}), which differ in scheme, host and port only
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
        Instances instances = new Instances(baseUrl);
        RestClient client = restClients.clone().baseUrl(instances.first()).requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(CallerSignatures.CALLER_HEADER, caller.name());
                    request.getHeaders().set(CallerSignatures.SIGNATURE_HEADER, caller.signature());
                    for (URI instance : instances.turn()) {
                        try {
                            return execution.execute(instances.at(request, instance), body);
                        }
                        catch (ConnectException | NoRouteToHostException ex) {
                            instances.refused(instance);
                        }
                        catch (SocketTimeoutException ex) {
                            break;
                        }
                        catch (IOException ex) {
                            if (!IDEMPOTENT.contains(request.getMethod())) {
                                break;
                            }
                        }
                    }
                    throw unavailable.get();
                })
                .defaultStatusHandler(status -> !status.is2xxSuccessful() && !outcomes.contains(status),
                        (request, response) -> {
                            throw unavailable.get();
                        })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(type);
    }

    /** The instances of the other service, taken in turn; those that refused a connection lately go last. */
    private static final class Instances {

        private final List<URI> all;
        private final AtomicInteger next = new AtomicInteger();
        /** When each instance refused a connection last, by {@link System#nanoTime()}; 0 if never. */
        private final AtomicLongArray refusedAt;

        Instances(String baseUrls) {
            all = Arrays.stream(baseUrls.split(",")).map(String::strip).filter(url -> !url.isEmpty()).map(URI::create)
                    .toList();
            if (all.isEmpty()) {
                throw new IllegalArgumentException("No address of the service to call: '" + baseUrls + "'");
            }
            for (URI instance : all) {
                if (instance.getHost() == null || !Objects.equals(instance.getRawPath(), all.getFirst().getRawPath())) {
                    throw new IllegalArgumentException(
                            "The instances of a service differ in scheme, host and port only: " + baseUrls);
                }
            }
            refusedAt = new AtomicLongArray(all.size());
        }

        String first() {
            return all.getFirst().toString();
        }

        /** This call's order: from the next instance in turn on, those that refused a connection lately last. */
        List<URI> turn() {
            if (all.size() == 1) {
                return all;
            }
            int start = Math.floorMod(next.getAndIncrement(), all.size());
            long now = System.nanoTime();
            List<URI> ready = new ArrayList<>(all.size());
            List<URI> refused = new ArrayList<>(1);
            for (int i = 0; i < all.size(); i++) {
                int index = (start + i) % all.size();
                long refusal = refusedAt.get(index);
                (refusal != 0 && now - refusal < PASS_OVER.toNanos() ? refused : ready).add(all.get(index));
            }
            ready.addAll(refused);
            return ready;
        }

        void refused(URI instance) {
            if (all.size() > 1) {
                refusedAt.set(all.indexOf(instance), System.nanoTime() | 1);
            }
        }

        /** The request, sent to {@code instance} rather than to the first. */
        HttpRequest at(HttpRequest request, URI instance) {
            if (instance == all.getFirst()) {
                return request;
            }
            URI target = UriComponentsBuilder.fromUri(request.getURI()).scheme(instance.getScheme())
                    .host(instance.getHost()).port(instance.getPort()).build(true).toUri();
            return new HttpRequestWrapper(request) {
                @Override
                public URI getURI() {
                    return target;
                }
            };
        }
    }
}
