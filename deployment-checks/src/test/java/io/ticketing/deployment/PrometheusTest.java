package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus' own tool accepts what the repository gives Prometheus: {@code promtool check config} every
 * configuration, {@code promtool check rules} every rule file and the rules of every PrometheusRule the overlays
 * render, {@code promtool test rules} every rule test. A file is what its content says it is (rule groups, rule tests
 * or a configuration), wherever it lies under observability/. Where both exist, the PrometheusRules in k8s carry the
 * same rule groups as the rule files.
 */
class PrometheusTest {

    private static final Path OBSERVABILITY = Tools.ROOT.resolve("observability");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TestFactory
    Stream<DynamicTest> promtoolAcceptsEveryConfiguration() {
        return dynamicTests(files(Kind.CONFIG), file -> promtool(file.getParent(), "check", "config",
                file.getFileName().toString()));
    }

    @TestFactory
    Stream<DynamicTest> promtoolAcceptsEveryRuleFile() {
        return dynamicTests(files(Kind.RULES), file -> promtool(file.getParent(), "check", "rules",
                file.getFileName().toString()));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleTestPasses() {
        return dynamicTests(files(Kind.RULE_TESTS), file -> promtool(file.getParent(), "test", "rules",
                file.getFileName().toString()));
    }

    @TestFactory
    Stream<DynamicTest> promtoolAcceptsTheRulesOfEveryPrometheusRuleInK8s() {
        return Kustomize.targets().stream().map(target -> DynamicTest.dynamicTest(Tools.relative(target), () -> {
            for (Map<String, Object> rule : prometheusRules(target)) {
                Path file = Files.createTempFile("prometheus-rule", ".yml");
                try {
                    Files.writeString(file, dump(Map.of("groups", groups(rule))), StandardCharsets.UTF_8);
                    Tools.Result result = Tools.run(file.getParent(), TIMEOUT, Tools.promtool().toString(), "check",
                            "rules", file.toString());
                    assertThat(result.exit()).as("promtool check rules on %s of %s:%n%s", Kustomize.name(rule),
                            Tools.relative(target), result.printed()).isZero();
                }
                finally {
                    Files.deleteIfExists(file);
                }
            }
        }));
    }

    @Test
    void thePrometheusRulesInK8sCarryTheRuleFilesGroups() {
        List<Path> ruleFiles = files(Kind.RULES);
        assumeFalse(ruleFiles.isEmpty(), "no rule files under observability/");
        Map<String, Object> fromFiles = new TreeMap<>();
        for (Path file : ruleFiles) {
            for (Object group : Documents.list(Documents.map(Documents.yaml(file).getFirst()).get("groups"))) {
                String name = String.valueOf(Documents.map(group).get("name"));
                assertThat(fromFiles.put(name, normalized(group))).as("rule group %s defined twice", name).isNull();
            }
        }
        int compared = 0;
        for (Path target : Kustomize.targets()) {
            List<Map<String, Object>> rules = prometheusRules(target);
            if (rules.isEmpty()) {
                continue;
            }
            Map<String, Object> fromK8s = new TreeMap<>();
            for (Map<String, Object> rule : rules) {
                for (Object group : groups(rule)) {
                    fromK8s.put(String.valueOf(Documents.map(group).get("name")), normalized(group));
                }
            }
            assertThat(fromK8s.keySet()).as("rule groups of the PrometheusRules in %s against observability/'s rule files",
                    Tools.relative(target)).containsExactlyElementsOf(fromFiles.keySet());
            for (String group : fromFiles.keySet()) {
                assertThat(dump(fromK8s.get(group))).as("rule group %s in %s against observability/'s", group,
                        Tools.relative(target)).isEqualTo(dump(fromFiles.get(group)));
            }
            compared++;
        }
        assumeFalse(compared == 0, "no PrometheusRule in k8s");
    }

    private static List<Map<String, Object>> prometheusRules(Path target) {
        return Kustomize.render(target).stream()
                .filter(object -> "PrometheusRule".equals(object.get("kind"))
                        && String.valueOf(object.get("apiVersion")).startsWith("monitoring.coreos.com/"))
                .toList();
    }

    private static List<?> groups(Map<String, Object> prometheusRule) {
        return Documents.list(Documents.map(prometheusRule.get("spec")).get("groups"));
    }

    /** A rule group with its expressions' layout evened out: what Prometheus would run, not how it is written. */
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> normalized = new LinkedHashMap<>();
            new TreeMap<>(Documents.map(map)).forEach((key, item) -> {
                if (item != null && !(item instanceof Map<?, ?> empty && empty.isEmpty())) {
                    normalized.put(key, key.equals("expr") ? String.valueOf(item).strip().replaceAll("\\s+", " ")
                            : normalized(item));
                }
            });
            return normalized;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PrometheusTest::normalized).toList();
        }
        return value instanceof String text ? text.strip() : value;
    }

    private enum Kind {
        CONFIG, RULES, RULE_TESTS, OTHER
    }

    /** YAML files under observability/ that Prometheus reads, by what they hold. */
    private static List<Path> files(Kind kind) {
        return Documents.files(OBSERVABILITY, ".yml", ".yaml").stream().filter(file -> kindOf(file) == kind).toList();
    }

    private static Kind kindOf(Path file) {
        List<Object> documents;
        try {
            documents = Documents.yaml(file);
        }
        catch (RuntimeException ex) {
            return Kind.OTHER; // ObservabilityFilesTest reports it
        }
        Map<String, Object> top = documents.isEmpty() ? Map.of() : Documents.map(documents.getFirst());
        if (top.containsKey("rule_files") && top.containsKey("tests")) {
            return Kind.RULE_TESTS;
        }
        if (top.containsKey("groups") && Documents.list(top.get("groups")).stream()
                .allMatch(group -> Documents.map(group).containsKey("rules"))) {
            return Kind.RULES;
        }
        if (top.containsKey("scrape_configs") || top.containsKey("rule_files") && top.containsKey("global")) {
            return Kind.CONFIG;
        }
        return Kind.OTHER;
    }

    private static Stream<DynamicTest> dynamicTests(List<Path> files, java.util.function.Consumer<Path> check) {
        return files.stream().map(file -> DynamicTest.dynamicTest(Tools.relative(file), () -> check.accept(file)));
    }

    private static void promtool(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Tools.promtool().toString()));
        command.addAll(List.of(arguments));
        Tools.Result result = Tools.run(directory, TIMEOUT, command);
        assertThat(result.exit()).as("promtool %s (in %s):%n%s", String.join(" ", arguments), Tools.relative(directory),
                result.printed()).isZero();
    }

    private static String dump(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(value);
    }
}
