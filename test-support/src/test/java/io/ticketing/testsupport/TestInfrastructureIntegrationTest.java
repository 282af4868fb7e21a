package io.ticketing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.events.Topics;
import io.ticketing.testsupport.TestInfrastructure.Component;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Every component really starts, answers its protocol, and is the same instance on every call. */
class TestInfrastructureIntegrationTest {

    /** The fixed ports of a developer's running local stack, which tests must never use. */
    private static final List<Integer> LOCAL_STACK_PORTS = List.of(15432, 16379, 19092, 19093, 19200, 19300, 13025);

    @Test
    void registersConnectionPropertiesAndStartsComponentsOnce() {
        Map<String, Object> properties = new LinkedHashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());

        TestInfrastructure.register(registry, "smoke", Component.POSTGRES, Component.REDIS, Component.KAFKA,
                Component.ELASTICSEARCH, Component.SMTP);

        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        assertThat(properties).containsEntry("ticketing.postgres.host", postgres.host())
                .containsEntry("ticketing.postgres.port", postgres.port())
                .containsEntry("ticketing.postgres.database", "smoke")
                .containsEntry("ticketing.postgres.username", postgres.username())
                .containsEntry("ticketing.postgres.password", postgres.password())
                .containsEntry("ticketing.redis.host", TestInfrastructure.redis().host())
                .containsEntry("ticketing.redis.port", TestInfrastructure.redis().port())
                .containsEntry("ticketing.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers())
                .containsEntry("ticketing.elasticsearch.uris", TestInfrastructure.elasticsearch().uri())
                .containsEntry("ticketing.mail.host", TestInfrastructure.smtp().host())
                .containsEntry("ticketing.mail.port", TestInfrastructure.smtp().port())
                .containsEntry("server.shutdown", "immediate")
                .containsKey(TestInfrastructure.JOB_LEASE_SCOPE);
        List<String> clusterNodes = TestInfrastructure.redis().clusterNodes();
        if (clusterNodes.isEmpty()) {
            assertThat(properties).hasSize(15);
        }
        else {
            assertThat(properties).containsEntry("ticketing.redis.cluster.nodes", String.join(",", clusterNodes))
                    .hasSize(16);
        }
        assertThat(TestInfrastructure.postgres()).isSameAs(postgres);
        assertThat(TestInfrastructure.redis()).isSameAs(TestInfrastructure.redis());
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());
        assertThat(TestInfrastructure.elasticsearch()).isSameAs(TestInfrastructure.elasticsearch());
        assertThat(TestInfrastructure.smtp()).isSameAs(TestInfrastructure.smtp());
        assertThat(List.of(postgres.port(), TestInfrastructure.redis().port(), TestInfrastructure.smtp().port()))
                .doesNotContainAnyElementsOf(LOCAL_STACK_PORTS);
    }

    @Test
    void postgresCreatesDatabasesIdempotently() throws Exception {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        postgres.createDatabase("inventory");
        postgres.createDatabase("inventory");

        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.username());
        credentials.setProperty("password", postgres.password());
        try (Connection connection = new org.postgresql.Driver().connect(postgres.jdbcUrl("inventory"), credentials);
             ResultSet rows = connection.createStatement().executeQuery("select current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("inventory");
        }
        assertThatThrownBy(() -> postgres.createDatabase("drop table x;")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redisAnswersPing() throws Exception {
        TestInfrastructure.Redis redis = TestInfrastructure.redis();
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            var reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reply.readLine()).isEqualTo("+PONG");
        }
    }

    @Test
    void kafkaHasEveryPlatformTopic() throws Exception {
        TestInfrastructure.Kafka kafka = TestInfrastructure.kafka();
        kafka.createTopics(List.of("test-support.extra"), 2);
        kafka.createTopics(List.of("test-support.extra"), 2);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL)
                    .contains("test-support.extra");
            assertThat(admin.describeTopics(List.of(Topics.ALL.getFirst())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.ALL.getFirst()).partitions()).hasSize(Topics.PARTITIONS);
        }
    }

    @Test
    void smtpKeepsWhatItReceives() throws Exception {
        TestInfrastructure.Smtp smtp = TestInfrastructure.smtp();
        int before = smtp.received().size();
        try (Socket socket = new Socket(smtp.host(), smtp.port())) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
            for (String command : List.of("HELO test", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                    "Subject: hello\r\n\r\nhi\r\n.", "QUIT")) {
                socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(in.readLine()).as(command).matches("[23]\\d\\d.*");
            }
        }
        assertThat(smtp.received()).hasSize(before + 1);
        assertThat(Files.readString(smtp.received().getLast())).contains("Subject: hello");
    }

    @Test
    void elasticsearchIsHealthy() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestInfrastructure.elasticsearch().uri() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
    }
}
