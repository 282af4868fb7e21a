package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every YAML and JSON file under observability/ parses, strictly (a duplicate key is an error: the tools would keep
 * one of the two silently): Prometheus, Grafana and Tempo configuration alike, before any tool-specific check.
 */
class ObservabilityFilesTest {

    private static final Path OBSERVABILITY = Tools.ROOT.resolve("observability");

    @TestFactory
    Stream<DynamicTest> everyYamlFileParses() {
        return Documents.files(OBSERVABILITY, ".yml", ".yaml").stream().map(file -> DynamicTest.dynamicTest(
                Tools.relative(file), () -> assertThat(Documents.yaml(file)).as(Tools.relative(file)).isNotEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyJsonFileParses() {
        return Documents.files(OBSERVABILITY, ".json").stream().map(file -> DynamicTest.dynamicTest(
                Tools.relative(file), () -> assertThat(json(file).isObject()).as(Tools.relative(file) + " is an object")
                        .isTrue()));
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThatThrownBy(() -> Documents.yaml("groups:\n  - name: a\n    name: b\n")).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> Documents.JSON.readTree("{\"uid\": \"a\", \"uid\": \"b\"}"))
                .hasMessageContaining("Duplicate field");
    }

    static JsonNode json(Path file) {
        try {
            return Documents.JSON.readTree(Documents.read(file));
        }
        catch (Exception ex) {
            throw new AssertionError(Tools.relative(file) + " is not valid JSON: " + ex.getMessage(), ex);
        }
    }
}
