package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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
