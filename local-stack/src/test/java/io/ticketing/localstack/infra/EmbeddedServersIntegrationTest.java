package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts every launcher for real on free ports in a temporary directory and talks to it with a real
 * client. PostgreSQL, Redis and Elasticsearch are first started by a child JVM that is then killed with
 * SIGKILL, so each test also proves that a start cleans up what a crashed run left behind. Every test
 * ends by checking that stop() closed the ports, and the class ends by checking that no process that
 * belongs to the temporary directory is left.
 */
class EmbeddedServersIntegrationTest {

    private static Path root;
    private static List<Integer> ports;

    @BeforeAll
    static void leaveServersBehindLikeACrashedRun() throws Exception {
        // world-traversable, because Elasticsearch runs as 'nobody' when the build runs as root
        root = Files.createTempDirectory("local-stack-it-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        ports = Ports.freePorts(7);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmaven.repo.local=" + ElasticsearchDistribution.localRepository(),
                "-cp", System.getProperty("java.class.path"),
                LeftoverServers.class.getName(), root.toString(),
                Integer.toString(postgresPort()), Integer.toString(redisPort()),
                Integer.toString(elasticsearchPort()), Integer.toString(ports.get(5)))
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && !line.equals("READY"); line = lines.readLine()) {
                output.add(line);
            }
        }
        assertThat(child.isAlive()).as("child JVM output: %s", output).isTrue();
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(Ports.isListening(postgresPort())).as("leftover PostgreSQL").isTrue();
        assertThat(Ports.isListening(redisPort())).as("leftover Redis").isTrue();
        assertThat(Ports.isListening(elasticsearchPort())).as("leftover Elasticsearch").isTrue();
    }

    @AfterAll
    static void nothingIsLeftBehind() {
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(process -> ProcessKiller.isOurs(process.pid(), root.toString()))
                .map(process -> process.pid() + " " + ProcessKiller.commandLine(process.pid()).orElse(""))
                .toList();
        ProcessKiller.killAllMatching(Duration.ofSeconds(5), root.toString());
        FileTrees.deleteQuietly(root);
        assertThat(leftovers).isEmpty();
        assertThat(ports).allSatisfy(port -> assertThat(Ports.isListening(port)).as("port %d", port).isFalse());
    }

    @Test
    void postgres() throws SQLException {
        PostgresServer postgres = new PostgresServer(root.resolve("postgres"), postgresPort());
        try (postgres) {
            postgres.start();
            assertThat(queryInt(postgres, "postgres", "select 1")).isEqualTo(1);

            postgres.createDatabase("catalog");
            postgres.createDatabase("catalog");
            assertThat(queryInt(postgres, "catalog", "select 2")).isEqualTo(2);

            postgres.stop();
            assertThat(Ports.isListening(postgresPort())).isFalse();
            postgres.stop();

            postgres.start();
            assertThat(queryInt(postgres, "postgres", "select count(*) from pg_database where datname = 'catalog'"))
                    .as("data survives a restart").isEqualTo(1);
        }
        assertThat(Ports.isListening(postgresPort())).isFalse();
    }

    @Test
    void redis() throws IOException {
        RedisServer redis = new RedisServer(root.resolve("redis"), redisPort());
        try (redis) {
            redis.start();
            assertThat(command(redisPort(), "PING")).isEqualTo("+PONG");
            assertThat(command(redisPort(), "SET", "greeting", "hello")).isEqualTo("+OK");
            assertThat(command(redisPort(), "GET", "greeting")).isEqualTo("hello");
            assertThat(command(redisPort(), "CONFIG", "GET", "notify-keyspace-events")).isNotNull();

            redis.stop();
            assertThat(Ports.isListening(redisPort())).isFalse();

            redis.start();
            assertThat(command(redisPort(), "GET", "greeting")).as("data survives a restart").isEqualTo("hello");
        }
        assertThat(Ports.isListening(redisPort())).isFalse();
    }

    @Test
    void kafka() {
        int port = ports.get(3);
        int controllerPort = ports.get(4);
        KafkaBroker kafka = new KafkaBroker(root.resolve("kafka"), port, controllerPort);
        try (kafka) {
            kafka.start();
            kafka.createTopics(List.of("it.events", "it.other"), 3);
            kafka.createTopics(List.of("it.events"), 3);

            try (var producer = new KafkaProducer<String, String>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("it.events", "show-1", "seat-held")).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(consumeOne(kafka.bootstrapServers(), "it.events", "group-1").value()).isEqualTo("seat-held");

            kafka.stop();
            assertThat(Ports.isListening(port)).isFalse();
            assertThat(Ports.isListening(controllerPort)).isFalse();

            kafka.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .as("topics survive a restart").contains("it.events", "it.other");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(consumeOne(kafka.bootstrapServers(), "it.events", "group-2").value()).isEqualTo("seat-held");
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void elasticsearch() throws Exception {
        ElasticsearchServer elasticsearch = new ElasticsearchServer(root.resolve("elasticsearch"),
                elasticsearchPort(), ports.get(5));
        try (elasticsearch) {
            elasticsearch.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(
                            URI.create(elasticsearch.uri() + "/shows/_doc/1?refresh=true"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hamlet at the Globe\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(indexed.statusCode()).as(indexed.body()).isIn(200, 201);

            HttpResponse<String> found = http.send(HttpRequest.newBuilder(
                            URI.create(elasticsearch.uri() + "/shows/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match\":{\"title\":\"hamlet\"}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"total\":{\"value\":1", "Hamlet at the Globe");
        }
        assertThat(Ports.isListening(elasticsearchPort())).isFalse();
        assertThat(Ports.isListening(ports.get(5))).isFalse();
    }

    @Test
    void smtpKeepsEveryMailAsAFile() throws IOException {
        SmtpServer smtp = new SmtpServer(root.resolve("mail"), smtpPort());
        try (smtp) {
            smtp.start();
            send(smtpPort(), "ana@example.com", "Subject: Your tickets\r\n\r\nSeat A1.\r\n");
            send(smtpPort(), "ben@example.com", "Subject: A refund\r\n\r\n..starts with a dot\r\n");

            assertThat(smtp.messages()).hasSize(2);
            assertThat(Files.readString(smtp.messages().get(0))).contains("Subject: Your tickets", "Seat A1.");
            assertThat(Files.readString(smtp.messages().get(1))).contains("\r\n.starts with a dot");
            assertThat(SmtpServer.messages(root.resolve("no-such-mailbox"))).isEmpty();

            smtp.stop();
            assertThat(Ports.isListening(smtpPort())).isFalse();
            smtp.start();
            assertThat(smtp.messages()).as("mails survive a restart").hasSize(2);
        }
        assertThat(Ports.isListening(smtpPort())).isFalse();
    }

    private static int postgresPort() {
        return ports.get(0);
    }

    private static int redisPort() {
        return ports.get(1);
    }

    private static int elasticsearchPort() {
        return ports.get(2);
    }

    private static int smtpPort() {
        return ports.get(6);
    }

    /** One SMTP conversation: a mail from the platform to {@code recipient}, answered 2xx/3xx at every step. */
    private static void send(int port, String recipient, String message) throws IOException {
        try (Socket socket = new Socket(Ports.LOOPBACK, port)) {
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            for (String command : List.of("HELO test", "MAIL FROM:<tickets@ticketing.local>", "RCPT TO:<" + recipient + ">",
                    "DATA", message + ".", "QUIT")) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String reply = in.readLine();
                assertThat(reply).as(command).matches("[23]\\d\\d.*");
            }
        }
    }

    private static int queryInt(PostgresServer postgres, String database, String sql) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.username());
        credentials.setProperty("password", postgres.password());
        try (Connection connection = new org.postgresql.Driver().connect(postgres.jdbcUrl(database), credentials);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrapServers, String topic, String group) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", group,
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record on " + topic);
    }

    /** A minimal RESP client: sends one command, returns the status line or the bulk string. */
    private static String command(int port, String... args) throws IOException {
        try (Socket socket = new Socket(Ports.LOOPBACK, port)) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first.startsWith("$")) {
                return first.equals("$-1") ? null : in.readLine();
            }
            if (first.startsWith("*")) {
                in.readLine();
                return in.readLine() + " " + in.readLine() + " " + in.readLine();
            }
            return first;
        }
    }
}
