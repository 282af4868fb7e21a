package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions this launcher was built with, written into {@code local-stack-versions.properties} by Maven's
 * resource filtering from the root pom: the platform's own (which names the service jars it runs) and
 * Elasticsearch's.
 */
public final class BuildVersions {

    private static final Properties VERSIONS = load();

    private BuildVersions() {
    }

    /** The platform's version, the root pom's {@code project.version}. */
    public static String platform() {
        return VERSIONS.getProperty("platform.version");
    }

    /** The Elasticsearch distribution the stack runs, the root pom's {@code elasticsearch-distribution.version}. */
    public static String elasticsearch() {
        return VERSIONS.getProperty("elasticsearch.version");
    }

    private static Properties load() {
        try (InputStream in = BuildVersions.class.getResourceAsStream("local-stack-versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
        catch (IOException | NullPointerException e) {
            throw new IllegalStateException("local-stack-versions.properties missing from the local-stack jar", e);
        }
    }
}
