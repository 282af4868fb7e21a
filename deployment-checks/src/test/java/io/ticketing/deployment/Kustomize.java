package io.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The kustomizations an operator applies, rendered as {@code kubectl kustomize} renders them. */
final class Kustomize {

    static final Path K8S = Tools.ROOT.resolve("k8s");
    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** k8s/base and every folder directly under k8s/overlays that holds a kustomization. */
    static List<Path> targets() {
        Path overlays = K8S.resolve("overlays");
        Stream<Path> children = Files.isDirectory(overlays) ? Documents.files(overlays, "kustomization.yaml",
                "kustomization.yml", "Kustomization").stream().map(Path::getParent)
                .filter(folder -> folder.getParent().equals(overlays)) : Stream.empty();
        return Stream.concat(Stream.of(K8S.resolve("base")), children).filter(Kustomize::isKustomization).distinct()
                .sorted().toList();
    }

    /** The objects a kustomization renders to; fails with kustomize's own message when it does not render. */
    static List<Map<String, Object>> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), folder -> {
            Tools.Result result = Tools.runApart(Tools.ROOT, Duration.ofMinutes(2),
                    List.of(Tools.kubectl().toString(), "kustomize", Tools.relative(folder)));
            assertThat(result.exit()).as("kubectl kustomize %s:%n%s", Tools.relative(folder), result.errors()).isZero();
            return Documents.yaml(result.output()).stream().map(Documents::map).toList();
        });
    }

    static String name(Map<String, Object> object) {
        Map<String, Object> metadata = Documents.map(object.get("metadata"));
        return object.get("kind") + " " + (metadata.containsKey("namespace") ? metadata.get("namespace") + "/" : "")
                + metadata.get("name");
    }

    private static boolean isKustomization(Path folder) {
        return Stream.of("kustomization.yaml", "kustomization.yml", "Kustomization")
                .anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }
}
