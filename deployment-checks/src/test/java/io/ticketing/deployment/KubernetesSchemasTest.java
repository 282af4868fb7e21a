package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The strict schema check finds what the API server would refuse or silently drop. */
class KubernetesSchemasTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: catalog-service
              labels: {app.kubernetes.io/name: catalog-service}
            spec:
              replicas: 2
              selector:
                matchLabels: {app.kubernetes.io/name: catalog-service}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: catalog-service}
                spec:
                  containers:
                    - name: app
                      image: ticketing/catalog-service:local
                      ports: [{name: http, containerPort: 8081}]
                      env: [{name: SERVER_PORT, value: "8081"}]
                      resources:
                        requests: {cpu: 500m, memory: 1Gi}
                        limits: {memory: 1Gi}
                      readinessProbe:
                        httpGet: {path: /actuator/health/readiness, port: http}
            """;

    @Test
    void aValidDeploymentPasses() {
        assertThat(problems(DEPLOYMENT)).isEmpty();
    }

    @Test
    void anUnknownFieldIsReportedWithItsPathAndTheNameItProbablyMeant() {
        assertThat(problems(DEPLOYMENT.replace("      resources:", "      resourcess:")))
                .containsExactly("spec.template.spec.containers[0].resourcess: unknown field (not in V1Container);"
                        + " did you mean resources?");
    }

    @Test
    void aFieldAtTheWrongLevelIsUnknownThere() {
        assertThat(problems(DEPLOYMENT.replace("httpGet: {path: /actuator/health/readiness, port: http}",
                "path: /actuator/health/readiness")))
                .containsExactly("spec.template.spec.containers[0].readinessProbe.path: unknown field (not in V1Probe)");
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"")
                .replace("value: \"8081\"", "value: 8081")))
                .containsExactlyInAnyOrder("spec.replicas: must be an integer, is the string \"2\"",
                        "spec.template.spec.containers[0].env[0].value: must be a string, is integer 8081");
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        assertThat(problems(DEPLOYMENT.replace("- name: app\n          image:", "- image:")))
                .containsExactly("spec.template.spec.containers[0].name: required by V1Container but missing");
    }

    @Test
    void aKindWithoutSchemaIsAnError() {
        assertThat(problems("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """)).singleElement().asString().startsWith("no schema for example.com/v1 Widget");
        assertThat(problems("""
                apiVersion: apps/v1
                kind: Deploymentt
                metadata: {name: w}
                """)).singleElement().asString().startsWith("no schema for apps/v1 Deploymentt");
    }

    @Test
    void prometheusOperatorResourcesAreCheckedStrictlyToo() {
        String serviceMonitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: ticketing}
                spec:
                  selector:
                    matchLabels: {app.kubernetes.io/part-of: ticketing}
                  endpoints:
                    - port: http
                      path: /actuator/prometheus
                      interval: 15s
                """;
        String prometheusRule = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: ticketing}
                spec:
                  groups:
                    - name: ticketing
                      rules:
                        - alert: DeadLetters
                          expr: ticketing_dead_letters > 0
                          for: 5m
                          labels: {severity: warning}
                          annotations: {runbook_url: docs/runbooks/dead-letters.md}
                """;
        assertThat(problems(serviceMonitor)).isEmpty();
        assertThat(problems(prometheusRule)).isEmpty();
        assertThat(problems(serviceMonitor.replace("interval:", "intervall:"))).containsExactly(
                "spec.endpoints[0].intervall: unknown field (not in Endpoint); did you mean interval?");
        assertThat(problems(prometheusRule.replace("for: 5m", "for: 5m\n          severity: warning")))
                .containsExactly("spec.groups[0].rules[0].severity: unknown field (not in Rule)");
    }

    @Test
    void everyBuiltInKindTheOverlaysUseHasItsSchema() {
        for (String kind : List.of("v1/ConfigMap", "v1/Secret", "v1/Service", "v1/Namespace", "v1/ServiceAccount",
                "apps/v1/StatefulSet", "batch/v1/Job", "networking.k8s.io/v1/Ingress",
                "networking.k8s.io/v1/NetworkPolicy", "policy/v1/PodDisruptionBudget",
                "autoscaling/v2/HorizontalPodAutoscaler", "rbac.authorization.k8s.io/v1/ClusterRole")) {
            int slash = kind.lastIndexOf('/');
            assertThat(KubernetesSchemas.model(kind.substring(0, slash), kind.substring(slash + 1))).as(kind).isPresent();
        }
        assertThat(KubernetesSchemas.model("autoscaling/v2", "HorizontalPodAutoscaler")).get()
                .extracting(Class::getSimpleName).isEqualTo("V2HorizontalPodAutoscaler");
    }

    private static List<String> problems(String yaml) {
        return KubernetesSchemas.validate(Documents.map(Documents.yaml(yaml).getFirst()));
    }
}
