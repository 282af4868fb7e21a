package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One trace as the {@link TraceCatcher} kept it: its spans (JSON objects with {@code spanId}, {@code parentSpanId},
 * {@code service}, {@code name}, {@code kind}, {@code start}, {@code durationMicros}, {@code status},
 * {@code attributes}) arranged by parent, children in the order they started.
 */
public final class SpanTree {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Map<String, Object>> BY_START = Comparator.comparing(span -> (String) span.get("start"));

    private final List<Map<String, Object>> spans;
    private final Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
    private final List<Map<String, Object>> roots = new ArrayList<>();

    private SpanTree(List<Map<String, Object>> spans) {
        this.spans = spans.stream().sorted(BY_START).toList();
        Set<String> ids = new HashSet<>();
        this.spans.forEach(span -> ids.add((String) span.get("spanId")));
        for (var span : this.spans) {
            String parent = (String) span.get("parentSpanId");
            if (parent == null || parent.isEmpty() || !ids.contains(parent)) {
                roots.add(span);
            } else {
                children.computeIfAbsent(parent, id -> new ArrayList<>()).add(span);
            }
        }
    }

    /** Reads a trace file of the catcher: one span per line. */
    public static SpanTree read(Path file) {
        try {
            List<Map<String, Object>> spans = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    spans.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                }
            }
            return new SpanTree(spans);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trace " + file, e);
        }
    }

    public int size() {
        return spans.size();
    }

    /** Spans without a parent in this trace (normally one: the first service's); a span not yet arrived leaves more. */
    public List<Map<String, Object>> roots() {
        return roots;
    }

    public List<Map<String, Object>> spans() {
        return spans;
    }

    /** The services that took part, by name. */
    public Set<String> services() {
        Set<String> services = new TreeSet<>();
        spans.forEach(span -> services.add((String) span.get("service")));
        return services;
    }

    /** The spans depth first, each with its depth below a root. */
    public void walk(BiConsumer<Integer, Map<String, Object>> visitor) {
        roots.forEach(root -> walk(root, 0, visitor));
    }

    private void walk(Map<String, Object> span, int depth, BiConsumer<Integer, Map<String, Object>> visitor) {
        visitor.accept(depth, span);
        children.getOrDefault((String) span.get("spanId"), List.of()).forEach(child -> walk(child, depth + 1, visitor));
    }
}
