package io.ticketing.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A secured cluster as ECK or Elastic Cloud runs one: TLS with a certificate from a private CA, and every request
 * authenticated. The cluster here is a local HTTPS server with a certificate keytool made, answering the alias look-up
 * and update.
 */
class SecuredClusterTest {

    private static final String PASSWORD = "changeit";
    /** The headers of the last request the cluster received. */
    private static final AtomicReference<Headers> request = new AtomicReference<>();
    private static final List<ElasticsearchClient> clients = new CopyOnWriteArrayList<>();
    private static HttpsServer cluster;
    private static Path certificate;

    @BeforeAll
    static void aClusterWithItsOwnCertificate(@TempDir Path directory) throws Exception {
        Path keystore = directory.resolve("cluster.p12");
        certificate = directory.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "cluster", "-keyalg", "EC", "-dname", "CN=elasticsearch", "-ext",
                "san=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "cluster", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        cluster = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cluster.setHttpsConfigurator(new HttpsConfigurator(tls));
        cluster.createContext("/", exchange -> {
            request.set(exchange.getRequestHeaders());
            String answer = exchange.getRequestURI().getPath().equals("/_aliases") ? "{\"acknowledged\":true}"
                    : "{\"shows-1\":{\"aliases\":{\"shows\":{}}}}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
    }

    @AfterAll
    static void stopCluster() throws IOException {
        for (ElasticsearchClient client : clients) {
            client.close();
        }
        cluster.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static SearchIndex index(String apiKey, String username, String password, Path ca) {
        URI uri = URI.create("https://127.0.0.1:" + cluster.getAddress().getPort());
        var properties = new ElasticsearchProperties(List.of(uri), "shows", Duration.ofSeconds(5), apiKey, username,
                password, ca);
        var client = new SearchClientConfiguration().elasticsearchClient(properties, JsonMapper.builder().build());
        clients.add(client);
        return new SearchIndex(client, properties);
    }

    @Test
    void trustsTheClustersCaAndSendsItsApiKey() {
        assertThat(index("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", null, null, certificate)
                .aliasedIndex()).hasValue("shows-1");
        assertThat(request.get().getFirst("Authorization"))
                .isEqualTo("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void sendsAUsersPasswordWhenThereIsNoApiKey() {
        index(null, "catalog", "s3cret", certificate).aliasedIndex();

        assertThat(request.get().getFirst("Authorization")).isEqualTo("Basic Y2F0YWxvZzpzM2NyZXQ=");
    }

    /** The client is of version 9, the cluster of 8.19, which refuses the media types of version 9 (ADR 6). */
    @Test
    void asksForTheRestApiOfVersion8WithAndWithoutABody() {
        var index = index(null, "catalog", "s3cret", certificate);

        String version8 = "application/vnd.elasticsearch+json; compatible-with=8";

        index.pointAliasAt("shows-2", Optional.of("shows-1"));
        assertThat(request.get().get("Accept")).containsExactly(version8);
        assertThat(request.get().get("Content-Type")).containsExactly(version8);

        index.aliasedIndex();
        assertThat(request.get().get("Accept")).containsExactly(version8);
    }

    @Test
    void refusesAClusterWhoseCertificateItWasNotToldToTrust() {
        assertThatThrownBy(() -> index(null, "catalog", "s3cret", null).aliasedIndex())
                .isInstanceOf(SearchUnavailableException.class);
    }
}
