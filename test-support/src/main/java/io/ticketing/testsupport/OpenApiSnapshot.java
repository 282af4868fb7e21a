package io.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Guards a service's public contract: its OpenAPI document must equal the snapshot committed next to its
 * tests. A deliberate change is recorded with {@code -Dopenapi.snapshot.update=true}; any other difference
 * fails the build, with the new document written beside the build output for review.
 */
public final class OpenApiSnapshot {

    public static final String UPDATE_PROPERTY = "openapi.snapshot.update";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private OpenApiSnapshot() {
    }

    /** Compares {@code document} (without its run-specific {@code servers}) with {@code snapshot}. */
    public static void verify(JsonNode document, Path snapshot) {
        ObjectNode contract = ((ObjectNode) document.deepCopy());
        contract.remove("servers");
        String actual = JSON.writeValueAsString(JSON.treeToValue(contract, Object.class)) + "\n";
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, actual);
                return;
            }
            Path received = Path.of("target", snapshot.getFileName().toString().replace(".json", ".actual.json"));
            Files.createDirectories(received.getParent());
            Files.writeString(received, actual);
            if (!Files.exists(snapshot)) {
                throw new AssertionError("No API snapshot at " + snapshot + "; review " + received
                        + " and record it with -D" + UPDATE_PROPERTY + "=true");
            }
            String expected = Files.readString(snapshot);
            if (!expected.equals(actual)) {
                throw new AssertionError("The public API changed: compare " + snapshot + " with " + received
                        + "; if the change is intended, record it with -D" + UPDATE_PROPERTY + "=true");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
