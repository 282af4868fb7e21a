package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A trace catcher, as the mail catcher is for mails: an OTLP/HTTP receiver (inside this JVM) that takes the spans the
 * services export and keeps each trace as a file of JSON lines, one span per line, named by the trace id. Developers
 * read a trace at {@code /traces/<trace id>} (the spans as a tree, with services and durations) or list the latest
 * at {@code /traces}; tests read the files. Only the latest {@value #KEPT_TRACES} traces are kept, so a load test
 * cannot fill the disk. A deployment sends its spans to an OpenTelemetry Collector or Tempo instead.
 */
public final class TraceCatcher implements EmbeddedServer {

    static final int KEPT_TRACES = 2_000;
    private static final int LISTED_TRACES = 50;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final int port;
    private final int kept;
    /** Trace ids in the order their first span arrived: the eldest file goes when there are too many. */
    private final SequencedSet<String> traces = new LinkedHashSet<>();
    private HttpServer server;

    /** @param directory where every received trace is written as a {@code .jsonl} file */
    public TraceCatcher(Path directory, int port) {
        this(directory, port, KEPT_TRACES);
    }

    TraceCatcher(Path directory, int port, int kept) {
        this.directory = directory.toAbsolutePath().normalize();
        this.port = port;
        this.kept = kept;
    }

    @Override
    public String name() {
        return "Traces";
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, name());
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.toString().endsWith(".jsonl"))
                        .sorted(Comparator.comparing(TraceCatcher::modified))
                        .forEach(file -> traces.add(file.getFileName().toString().replace(".jsonl", "")));
            }
            HttpServer starting = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, port), 64);
            starting.createContext("/v1/traces", this::receive);
            starting.createContext("/traces", this::show);
            starting.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            starting.start();
            server = starting;
        } catch (IOException e) {
            throw new UncheckedIOException("The trace catcher did not start on port " + port, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        server = null;
        Ports.awaitFree(port, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The file of one trace's spans, one JSON object per line (it may not exist yet). */
    public static Path traceFile(Path directory, String traceId) {
        return directory.resolve(traceId + ".jsonl");
    }

    /** OTLP/HTTP in protobuf, as OpenTelemetry's exporters send it: {@code 200} with an empty answer. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            keep(request);
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void keep(ExportTraceServiceRequest request) throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (var span : scope.getSpansList()) {
                    String traceId = hex(span.getTraceId());
                    var line = new LinkedHashMap<String, Object>();
                    line.put("traceId", traceId);
                    line.put("spanId", hex(span.getSpanId()));
                    line.put("parentSpanId", hex(span.getParentSpanId()));
                    line.put("service", service);
                    line.put("name", span.getName());
                    line.put("kind", span.getKind().name().replace("SPAN_KIND_", ""));
                    line.put("start", Instant.ofEpochSecond(0, span.getStartTimeUnixNano()).toString());
                    line.put("durationMicros", (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000);
                    line.put("status", span.getStatus().getCode().name().replace("STATUS_CODE_", ""));
                    line.put("attributes", attributes(span.getAttributesList()));
                    lines.computeIfAbsent(traceId, id -> new ArrayList<>()).add(JSON.writeValueAsString(line));
                }
            }
        }
        synchronized (traces) {
            for (var trace : lines.entrySet()) {
                Files.write(traceFile(directory, trace.getKey()), trace.getValue(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (traces.add(trace.getKey()) && traces.size() > kept) {
                    Files.deleteIfExists(traceFile(directory, traces.removeFirst()));
                }
            }
        }
    }

    /** {@code /traces}: the latest traces; {@code /traces/<id>}: one trace as a tree of spans. Plain text. */
    private void show(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().replaceFirst("^/traces/?", "");
            String text;
            int status = 200;
            if (id.isEmpty()) {
                text = list();
            } else if (TRACE_ID.matcher(id).matches() && Files.exists(traceFile(directory, id))) {
                text = tree(SpanTree.read(traceFile(directory, id)));
            } else {
                status = 404;
                text = "No trace " + id + " (yet): spans arrive within about 5 s of their end.\n";
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String list() throws IOException {
        List<String> latest;
        synchronized (traces) {
            latest = new ArrayList<>(traces.reversed()).subList(0, Math.min(LISTED_TRACES, traces.size()));
        }
        var text = new StringBuilder("The latest traces (of at most %d kept in %s); open /traces/<id> for one.%n%n"
                .formatted(kept, directory));
        for (String id : latest) {
            Path file = traceFile(directory, id);
            if (Files.exists(file)) {
                SpanTree tree = SpanTree.read(file);
                var root = tree.roots().getFirst();
                text.append("%s  %s  %6.1f ms  %3d spans  %s  %s%n".formatted(id, root.get("start"),
                        ((Number) root.get("durationMicros")).longValue() / 1000.0, tree.size(),
                        String.join(",", tree.services()), root.get("name")));
            }
        }
        return text.toString();
    }

    private static String tree(SpanTree tree) {
        var text = new StringBuilder();
        tree.walk((depth, span) -> text.append("%s%-40s %-22s %-8s %9.2f ms %s%n".formatted("  ".repeat(depth),
                span.get("name"), span.get("service"), span.get("kind"),
                ((Number) span.get("durationMicros")).longValue() / 1000.0,
                "ERROR".equals(span.get("status")) ? "ERROR" : "")));
        return text.toString();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        var map = new LinkedHashMap<String, String>();
        for (KeyValue attribute : attributes) {
            map.put(attribute.getKey(), text(attribute.getValue()));
        }
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
