package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Grafana dashboards under observability/ (every JSON file with panels) load as provisioned dashboards and show
 * data from provisioned data sources ({@link GrafanaChecks}); the provisioning itself is consistent.
 */
class GrafanaTest {

    private static final Path OBSERVABILITY = Tools.ROOT.resolve("observability");

    @Test
    void theProvisionedDataSourcesAreConsistent() {
        List<String> problems = new ArrayList<>();
        GrafanaChecks.datasources(provisioning(), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void aDashboardProviderHasDashboardsToLoad() {
        boolean provider = provisioning().stream()
                .anyMatch(file -> Documents.map(Documents.yaml(file).getFirst()).containsKey("providers"));
        if (provider) {
            assertThat(dashboards()).as("dashboards (JSON files with panels) under observability/ for the provisioned"
                    + " dashboard provider").isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardLoadsAndNamesProvisionedDataSources() {
        List<GrafanaChecks.Datasource> datasources = GrafanaChecks.datasources(provisioning(), new ArrayList<>());
        return dashboards().entrySet().stream().map(dashboard -> DynamicTest.dynamicTest(dashboard.getKey(),
                () -> assertThat(GrafanaChecks.dashboard(dashboard.getValue(), datasources))
                        .as("%s against the data sources %s", dashboard.getKey(), datasources).isEmpty()));
    }

    @Test
    void dashboardUidsAndTitlesAreUnique() {
        assertThat(GrafanaChecks.duplicates(dashboards())).isEmpty();
    }

    // ---------------------------------------------------------------- the checks find what they are for

    private static final List<GrafanaChecks.Datasource> DATASOURCES = List.of(
            new GrafanaChecks.Datasource("Prometheus", "prometheus", "prometheus"),
            new GrafanaChecks.Datasource("Tempo", "tempo", "tempo"));

    private static final String DASHBOARD = """
            {
              "uid": "ticketing-on-sale",
              "title": "On-sale rush",
              "schemaVersion": 39,
              "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]},
              "annotations": {"list": [{"datasource": {"type": "grafana", "uid": "-- Grafana --"}}]},
              "panels": [
                {"id": 1, "type": "timeseries", "datasource": {"type": "prometheus", "uid": "prometheus"},
                 "targets": [{"datasource": {"type": "prometheus", "uid": "prometheus"}, "expr": "up"}]},
                {"id": 2, "type": "row", "panels": [
                  {"id": 3, "type": "stat", "datasource": {"uid": "${ds}"}, "targets": [{"expr": "up"}]}
                ]},
                {"id": 4, "type": "traces", "datasource": "Tempo"}
              ]
            }
            """;

    @Test
    void aGoodDashboardPasses() {
        assertThat(GrafanaChecks.dashboard(json(DASHBOARD), DATASOURCES)).isEmpty();
    }

    @Test
    void unknownDataSourcesAndVariablesAreFound() {
        String broken = DASHBOARD.replace("\"uid\": \"prometheus\"}, \"expr\"", "\"uid\": \"prometheus-old\"}, \"expr\"")
                .replace("${ds}", "${datasource}").replace("\"Tempo\"", "\"Jaeger\"")
                .replace("\"type\": \"prometheus\", \"uid\": \"prometheus\"},\n", "\"type\": \"loki\", \"uid\": \"prometheus\"},\n");
        assertThat(GrafanaChecks.dashboard(json(broken), DATASOURCES)).containsExactlyInAnyOrder(
                "panels[0].datasource: data source prometheus is of type prometheus, not loki",
                "panels[0].targets[0].datasource.uid: data source uid prometheus-old is not provisioned",
                "panels[1].panels[0].datasource.uid: ${datasource} is no data source variable of the dashboard",
                "panels[2].datasource: data source Jaeger is not provisioned");
    }

    @Test
    void aDashboardExportedForSharingOrWithoutUidOrWithDuplicatePanelIdsIsFound() {
        String broken = DASHBOARD.replace("\"uid\": \"ticketing-on-sale\",", "\"__inputs\": [{\"name\": \"DS_PROMETHEUS\"}],")
                .replace("\"id\": 3", "\"id\": 1");
        assertThat(GrafanaChecks.dashboard(json(broken), DATASOURCES)).hasSize(3)
                .anyMatch(problem -> problem.startsWith("exported for sharing externally"))
                .anyMatch(problem -> problem.startsWith("uid: needs one"))
                .contains("panels[1].panels[0]: panel id 1 used twice");
    }

    @Test
    void twoDashboardsWithOneUidAreFound() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        dashboards.put("a.json", json(DASHBOARD));
        dashboards.put("b.json", json(DASHBOARD.replace("On-sale rush", "Platform health")));
        assertThat(GrafanaChecks.duplicates(dashboards)).containsExactly("uid ticketing-on-sale in both a.json and b.json");
    }

    private static JsonNode json(String text) {
        try {
            return Documents.JSON.readTree(text);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static List<Path> provisioning() {
        return Documents.files(OBSERVABILITY.resolve("grafana"), ".yml", ".yaml").stream()
                .filter(file -> !Documents.yaml(file).isEmpty()).toList();
    }

    /** Every JSON file with panels under observability/, by its path. */
    private static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        for (Path file : Documents.files(OBSERVABILITY, ".json")) {
            JsonNode node = ObservabilityFilesTest.json(file);
            if (node.has("panels")) {
                dashboards.put(Tools.relative(file), node);
            }
        }
        return dashboards;
    }
}
