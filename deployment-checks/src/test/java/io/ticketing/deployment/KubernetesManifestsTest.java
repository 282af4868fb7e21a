package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kustomization an operator applies (k8s/base and each overlay) renders with kustomize v5, and every object it
 * renders passes the strict schema check of its kind ({@link KubernetesSchemas}).
 */
class KubernetesManifestsTest {

    @Test
    void thereAreOverlaysToCheck() {
        assertThat(Kustomize.targets()).as("kustomizations under k8s").contains(Kustomize.K8S.resolve("base"))
                .anyMatch(target -> target.getParent().endsWith("overlays"));
    }

    @TestFactory
    Stream<DynamicTest> everyKustomizationRendersAndEveryObjectIsValidStrictly() {
        return Kustomize.targets().stream().map(target -> DynamicTest.dynamicTest(Tools.relative(target),
                () -> assertValid(target)));
    }

    /**
     * In production every Deployment's replica count is owned by a HorizontalPodAutoscaler of its own (k8s/README.md),
     * and none sets {@code spec.replicas}, which re-applying the overlay would reset under the autoscaler.
     */
    @Test
    void everyDeploymentOfProductionIsScaledByItsAutoscalerAlone() {
        List<Map<String, Object>> objects = Kustomize.render(Kustomize.K8S.resolve("overlays/production"));
        List<String> deployments = new ArrayList<>();
        List<String> scaled = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Map<String, Object> spec = Documents.map(object.get("spec"));
            if ("Deployment".equals(object.get("kind"))) {
                deployments.add((String) Documents.map(object.get("metadata")).get("name"));
                assertThat(spec).as("%s's spec", Kustomize.name(object)).doesNotContainKey("replicas");
            }
            else if ("HorizontalPodAutoscaler".equals(object.get("kind"))) {
                Map<String, Object> target = Documents.map(spec.get("scaleTargetRef"));
                assertThat(target.get("kind")).isEqualTo("Deployment");
                scaled.add((String) target.get("name"));
                assertThat((Integer) spec.get("minReplicas")).as("%s's minimum", Kustomize.name(object))
                        .isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(deployments).hasSize(7);
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(deployments);
    }

    /**
     * A service with a database migrates it once per rollout, in its {@code migrate} init container under the
     * migration role's Secret, and its app container runs with Flyway off (k8s/README.md, "Database migrations").
     */
    @TestFactory
    Stream<DynamicTest> everyServiceWithADatabaseMigratesInItsInitContainerOnly() {
        return Kustomize.targets().stream().map(target -> DynamicTest.dynamicTest(Tools.relative(target), () -> {
            List<Map<String, Object>> objects = Kustomize.render(target);
            Map<String, Map<String, Object>> configMaps = new HashMap<>();
            objects.stream().filter(object -> "ConfigMap".equals(object.get("kind"))).forEach(configMap -> configMaps
                    .put((String) Documents.map(configMap.get("metadata")).get("name"), configMap));
            List<String> withDatabase = new ArrayList<>();
            for (Map<String, Object> deployment : objects) {
                if (!"Deployment".equals(deployment.get("kind"))) {
                    continue;
                }
                Map<String, Object> pod = Documents.map(Documents.map(Documents.map(deployment.get("spec"))
                        .get("template")).get("spec"));
                Map<String, Object> app = container(pod.get("containers"), "app");
                if (app == null || !variables(app).containsKey("TICKETING_POSTGRES_PASSWORD")) { // infrastructure
                    continue;
                }
                withDatabase.add(Kustomize.name(deployment));
                Map<String, Object> migrate = container(pod.get("initContainers"), "migrate");
                assertThat(migrate).as("the migrate init container of %s", Kustomize.name(deployment)).isNotNull();
                assertThat(migrate.get("image")).isEqualTo(app.get("image"));
                Map<String, Object> migration = variables(migrate);
                assertThat(migration.get("TICKETING_MIGRATE_ONLY")).isEqualTo(Map.of("value", "true"));
                assertThat(migration.get("TICKETING_POSTGRES_PASSWORD")).asString().contains("postgres-migration");
                assertThat(Documents.list(app.get("envFrom")).stream()
                        .map(source -> Documents.map(Documents.map(source).get("configMapRef")).get("name"))
                        .map(name -> Documents.map(configMaps.get(name).get("data")).get("SPRING_FLYWAY_ENABLED")))
                        .as("Flyway in the app container of %s", Kustomize.name(deployment)).contains("false");
            }
            assertThat(withDatabase).hasSize(6);
        }));
    }

    private static Map<String, Object> container(Object containers, String name) {
        return containers == null ? null : Documents.list(containers).stream().map(Documents::map)
                .filter(container -> name.equals(container.get("name"))).findFirst().orElse(null);
    }

    /** Each variable of a container by name: its {@code value} or {@code valueFrom}. */
    private static Map<String, Object> variables(Map<String, Object> container) {
        Map<String, Object> variables = new HashMap<>();
        if (container.get("env") != null) {
            for (Object item : Documents.list(container.get("env"))) {
                Map<String, Object> variable = Documents.map(item);
                variables.put((String) variable.get("name"), variable.containsKey("value")
                        ? Map.of("value", variable.get("value")) : variable.get("valueFrom").toString());
            }
        }
        return variables;
    }

    private static void assertValid(Path target) {
        List<Map<String, Object>> objects = Kustomize.render(target);
        assertThat(objects).as("objects rendered by %s", Tools.relative(target)).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            KubernetesSchemas.validate(object).forEach(problem -> problems.add(Kustomize.name(object) + ": " + problem));
        }
        assertThat(problems).as("schema problems in %s (%d objects)", Tools.relative(target), objects.size()).isEmpty();
    }
}
