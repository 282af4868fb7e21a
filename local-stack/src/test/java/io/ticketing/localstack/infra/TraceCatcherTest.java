package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The trace catcher receives what OpenTelemetry's own OTLP exporter sends, as the services send it. */
class TraceCatcherTest {

    @TempDir
    Path directory;

    private TraceCatcher catcher;
    private final List<SdkTracerProvider> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(SdkTracerProvider::close);
        if (catcher != null) {
            catcher.stop();
        }
    }

    @Test
    void keepsEachTraceAsOneFileOfSpansFromEveryService() throws Exception {
        int port = Ports.freePort();
        catcher = new TraceCatcher(directory, port);
        catcher.start();
        var gateway = service("gateway-service", port);
        var reservation = service("reservation-service", port);

        Span request = gateway.get("test").spanBuilder("http post reservation").setSpanKind(SpanKind.SERVER).startSpan();
        Span hold = reservation.get("test").spanBuilder("http post /api/v1/shows/{showId}/holds")
                .setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
                        request.getSpanContext().getTraceId(), request.getSpanContext().getSpanId(),
                        request.getSpanContext().getTraceFlags(), request.getSpanContext().getTraceState()))))
                .setSpanKind(SpanKind.SERVER).setAttribute("http.route", "/api/v1/shows/{showId}/holds").startSpan();
        hold.end();
        request.end();
        services.forEach(provider -> provider.forceFlush().join(10, TimeUnit.SECONDS));

        String traceId = request.getSpanContext().getTraceId();
        SpanTree tree = SpanTree.read(TraceCatcher.traceFile(directory, traceId));
        assertThat(tree.size()).isEqualTo(2);
        assertThat(tree.services()).containsExactly("gateway-service", "reservation-service");
        assertThat(tree.roots()).singleElement().satisfies(root -> {
            assertThat(root.get("name")).isEqualTo("http post reservation");
            assertThat(root.get("kind")).isEqualTo("SERVER");
        });
        assertThat(tree.spans()).anySatisfy(span -> {
            assertThat(span.get("parentSpanId")).isEqualTo(request.getSpanContext().getSpanId());
            assertThat(span.get("attributes")).asInstanceOf(MAP)
                    .containsEntry("http.route", "/api/v1/shows/{showId}/holds");
        });

        String shown = get(port, "/traces/" + traceId);
        assertThat(shown).contains("http post reservation").contains("  http post /api/v1/shows/{showId}/holds")
                .contains("reservation-service");
        assertThat(get(port, "/traces")).contains(traceId);
    }

    @Test
    void keepsOnlyTheLatestTraces() throws Exception {
        int port = Ports.freePort();
        catcher = new TraceCatcher(directory, port, 3);
        catcher.start();
        var service = service("booking-service", port);
        List<String> traceIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Span span = service.get("test").spanBuilder("span " + i).startSpan();
            span.end();
            service.forceFlush().join(10, TimeUnit.SECONDS);
            traceIds.add(span.getSpanContext().getTraceId());
        }

        assertThat(TraceCatcher.traceFile(directory, traceIds.getFirst())).doesNotExist();
        traceIds.subList(1, 4).forEach(id -> assertThat(TraceCatcher.traceFile(directory, id)).exists());
        assertThat(get(port, "/traces/" + traceIds.getFirst())).startsWith("No trace");
    }

    private SdkTracerProvider service(String name, int port) {
        var provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), name)))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + port + "/v1/traces").build()))
                .build();
        services.add(provider);
        return provider;
    }

    private static String get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
