package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The launcher knows the versions it was built with from the build itself, not from a constant in the code. */
class BuildVersionsTest {

    @Test
    void thePlatformsVersionIsTheRootPomsProjectVersion() throws Exception {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        String project = rootPom.substring(rootPom.indexOf("<artifactId>ticketing-parent</artifactId>"));

        assertThat(BuildVersions.platform()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(project).contains("<version>" + BuildVersions.platform() + "</version>");
    }

    @Test
    void elasticsearchsVersionIsTheOneTheRootPomNames() throws Exception {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));

        assertThat(rootPom).contains("<elasticsearch-distribution.version>" + BuildVersions.elasticsearch()
                + "</elasticsearch-distribution.version>");
    }
}
