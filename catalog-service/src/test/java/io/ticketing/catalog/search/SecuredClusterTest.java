package io.ticketing.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A secured cluster as ECK or Elastic Cloud runs one: TLS with a certificate from a private CA, and every request
 * authenticated. The cluster here is a local HTTPS server with a certificate keytool made, answering the alias look-up.
 */
class SecuredClusterTest {

    private static final String PASSWORD = "changeit";
    private static final AtomicReference<String> authorization = new AtomicReference<>();
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
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"shows-1\":{\"aliases\":{\"shows\":{}}}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static SearchIndex index(String apiKey, String username, String password, Path ca) {
        URI uri = URI.create("https://127.0.0.1:" + cluster.getAddress().getPort());
        return new SearchIndex(new ElasticsearchProperties(List.of(uri), "shows", Duration.ofSeconds(5), apiKey, username,
                password, ca), JsonMapper.builder().build());
    }

    @Test
    void trustsTheClustersCaAndSendsItsApiKey() {
        assertThat(index("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", null, null, certificate)
                .aliasedIndex()).hasValue("shows-1");
        assertThat(authorization.get()).isEqualTo("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void sendsAUsersPasswordWhenThereIsNoApiKey() {
        index(null, "catalog", "s3cret", certificate).aliasedIndex();

        assertThat(authorization.get()).isEqualTo("Basic Y2F0YWxvZzpzM2NyZXQ=");
    }

    @Test
    void refusesAClusterWhoseCertificateItWasNotToldToTrust() {
        assertThatThrownBy(() -> index(null, "catalog", "s3cret", null).aliasedIndex())
                .isInstanceOf(SearchUnavailableException.class);
    }
}
