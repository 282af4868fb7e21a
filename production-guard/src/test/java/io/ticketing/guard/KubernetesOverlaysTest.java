package io.ticketing.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes overlays as an operator applies them, rendered by {@code kubectl kustomize}: production carries no
 * development value and fences every pod of the platform in with NetworkPolicies; the local overlay is the one that
 * switches the development defaults on.
 */
class KubernetesOverlaysTest {

    private static final Path K8S = Path.of("..", "k8s");
    /** Values that exist for developers' machines only, and the settings that switch them on. */
    private static final List<String> DEVELOPMENT_VALUES = List.of("simulated", "whsec_local_simulated",
            "local-client-key", "local-admin-key", "ae9233373b1217fe4590745bcd15d61063a844045b9d99d671f7ee1755f33242",
            "4ab7b7cd7a009307f975da639ffcb2f104e371d271e936dab005ee993474b81d", "not-for-production",
            "local-development", "local-cluster");
    private static final Set<String> SERVICES = Set.of("gateway-service", "catalog-service", "reservation-service",
            "booking-service", "waiting-service", "payment-service", "notification-service");

    @Test
    void productionRendersNoDevelopmentValue() throws Exception {
        String rendered = render("production");
        for (String value : DEVELOPMENT_VALUES) {
            assertThat(rendered).as("production must not carry " + value).doesNotContain(value);
        }
        List<Map<String, Object>> objects = objects(rendered);
        assertThat(ofKind(objects, "Secret")).as("production Secrets are made outside the repository").isEmpty();
        for (Map<String, Object> configMap : ofKind(objects, "ConfigMap")) {
            Map<String, Object> data = map(configMap.get("data"));
            assertThat(data).as(name(configMap)).doesNotContainKey("SPRING_PROFILES_ACTIVE")
                    .doesNotContainEntry("TICKETING_PAYMENT_PROVIDER", "simulated");
        }
    }

    @Test
    void productionRequiresEverySecretItNeeds() throws Exception {
        List<Map<String, Object>> objects = objects(render("production"));
        List<String> required = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            for (Object container : list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers"))) {
                for (Object variable : list(map(container).get("env"))) {
                    Map<String, Object> secret = map(map(map(variable).get("valueFrom")).get("secretKeyRef"));
                    if (!secret.isEmpty()) {
                        assertThat(secret.get("optional")).as(name(deployment) + " " + map(variable).get("name"))
                                .isNotEqualTo(true);
                        required.add(String.valueOf(map(variable).get("name")));
                    }
                }
            }
        }
        assertThat(required).contains("TICKETING_GATEWAY_ACCESS_SESSIONS_SECRET", "TICKETING_POSTGRES_PASSWORD");
        assertThat(required.stream().filter("TICKETING_INTERNAL_SECRET"::equals)).as("every service's").hasSize(7);
        assertThat(required.stream().filter(name -> name.startsWith("TICKETING_PAYMENT_STRIPE_"))).hasSize(2);
        assertThat(required.stream().filter(name -> name.startsWith("TICKETING_NOTIFICATION_TICKETS_"))).isNotEmpty();
    }

    @Test
    void productionFencesEveryPodInWithNetworkPolicies() throws Exception {
        List<Map<String, Object>> objects = objects(render("production"));
        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        Map<String, Object> defaultDeny = policies.stream().filter(policy -> name(policy).equals("default-deny"))
                .findFirst().orElseThrow();
        Map<String, Object> denySpec = map(defaultDeny.get("spec"));
        assertThat(list(denySpec.get("policyTypes")).stream().map(String::valueOf)).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(denySpec).doesNotContainKeys("ingress", "egress");
        Map<String, Object> everyPod = map(map(denySpec.get("podSelector")).get("matchLabels"));
        for (Map<String, Object> workload : objects) {
            if (Set.of("Deployment", "Job").contains(workload.get("kind"))) {
                Map<String, Object> labels = map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
                        .get("labels"));
                assertThat(labels).as(name(workload) + " is covered by default-deny").containsAllEntriesOf(everyPod);
            }
        }
        Set<String> named = policies.stream().map(KubernetesOverlaysTest::name).collect(Collectors.toSet());
        assertThat(named).containsAll(SERVICES);
        for (Map<String, Object> policy : policies) {
            if (SERVICES.contains(name(policy)) && !name(policy).equals("gateway-service")) {
                String callers = String.valueOf(map(policy.get("spec")).get("ingress"));
                assertThat(callers).as(name(policy) + " is reached through the gateway").contains("gateway-service");
            }
        }
    }

    @Test
    void theGatewaysActuatorIsNeverPublic() throws Exception {
        List<Map<String, Object>> objects = objects(render("production"));
        String service = String.valueOf(ofKind(objects, "Service").stream()
                .filter(object -> name(object).equals("gateway-service")).findFirst().orElseThrow().get("spec"));
        assertThat(service).contains("port=8080").doesNotContain("9080").doesNotContain("management");
        assertThat(String.valueOf(ofKind(objects, "Ingress"))).doesNotContain("9080").doesNotContain("management");
        String gateway = String.valueOf(ofKind(objects, "Deployment").stream()
                .filter(object -> name(object).equals("gateway-service")).findFirst().orElseThrow());
        assertThat(gateway).as("probes on the management port").contains("path=/actuator/health/readiness, port=management")
                .doesNotContain("port=http");
    }

    @Test
    void theLocalOverlayIsWhereTheDevelopmentDefaultsAreSwitchedOn() throws Exception {
        List<Map<String, Object>> objects = objects(render("local"));
        assertThat(ofKind(objects, "ConfigMap").stream().map(configMap -> map(configMap.get("data")))
                .filter(data -> "local".equals(data.get("SPRING_PROFILES_ACTIVE")))).hasSize(1);
        assertThat(ofKind(objects, "NetworkPolicy")).as("the base's policies apply locally too").isNotEmpty();
    }

    private static String render(String overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            int exit = kubectl.waitFor();
            String rendered = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exit).as("kubectl kustomize " + overlay + ": " + rendered).isZero();
            return rendered;
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<Map<String, Object>> objects(String rendered) {
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml().loadAll(rendered).forEach(object -> objects.add(map(object)));
        return objects;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
