package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The minimal Elasticsearch distribution published on Maven Central ({@code integ-test-zip}).
 *
 * <p>It is declared as a Maven dependency of local-stack, so a build normally puts it into the local
 * repository; it is looked up there at run time rather than bundled into a jar (107 MB). If it is
 * missing (e.g. a different local repository), it is downloaded into the same place and checked against
 * Maven Central's SHA-1.
 *
 * @param version Elasticsearch version, e.g. "8.19.21"
 */
public record ElasticsearchDistribution(String version) {

    private static final String ARTIFACT_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** The version this build was made with (the root pom's {@code elasticsearch-distribution.version}). */
    public static ElasticsearchDistribution bundled() {
        return new ElasticsearchDistribution(BuildVersions.elasticsearch());
    }

    /** Honours {@code -Dmaven.repo.local}, like Maven itself; otherwise {@code ~/.m2/repository}. */
    public static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Name of the top-level directory inside the zip. */
    public String directoryName() {
        return "elasticsearch-" + version;
    }

    /** The zip in the local Maven repository, downloaded first if it is not there yet. */
    public Path zip() {
        String relative = ARTIFACT_PATH + "/" + version + "/elasticsearch-" + version + ".zip";
        Path zip = localRepository().resolve(relative);
        if (!Files.isRegularFile(zip)) {
            download(URI.create(CENTRAL + relative), zip);
        }
        return zip;
    }

    /**
     * Unpacks the distribution into {@code parent/elasticsearch-<version>} unless it is already there.
     * Unpacks into a temporary sibling and renames it, so an interrupted unpack is never mistaken for a
     * complete one.
     *
     * @return the Elasticsearch home directory
     */
    public Path unpackInto(Path parent) {
        Path home = parent.resolve(directoryName());
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path staging = parent.resolve(".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            unzip(zip(), staging);
            Files.move(staging.resolve(directoryName()), home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Elasticsearch into " + parent, e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                // java.util.zip drops Unix modes; only the launch scripts need to be executable
                if (file.getParent().getFileName().toString().equals("bin")) {
                    file.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void download(URI uri, Path target) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            System.out.println("Downloading " + uri + " ...");
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
            String expected = http.send(HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII)).body().trim().split("\\s+")[0];
            String actual = sha1(partial);
            if (!expected.equalsIgnoreCase(actual)) {
                throw new IOException("SHA-1 mismatch for " + uri + ": expected " + expected + ", got " + actual);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot download the Elasticsearch distribution from " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while downloading " + uri, e);
        } finally {
            FileTrees.deleteQuietly(partial);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
