package io.ticketing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.localstack.infra.EmbeddedServer;
import io.ticketing.localstack.infra.FileTrees;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.localstack.infra.ProcessKiller;
import io.ticketing.localstack.infra.RedisServer;
import io.ticketing.localstack.infra.Sleep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis and the Kafka broker as the local stack runs them — Kafka in a JVM of its own, started from this module's
 * classes — under a {@link Supervisor}: killed with SIGKILL, as a chaos test does, they come back on the same ports
 * with their data; stopped, they leave no process and no port behind.
 */
class SupervisedInfrastructureIntegrationTest {

    private static final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private static Path root;
    private static List<Integer> ports;
    private static RedisServer redis;
    private static KafkaBrokerProcess kafka;
    private static Supervisor supervisor;

    @BeforeAll
    static void startSupervised() throws Exception {
        root = Files.createTempDirectory("local-stack-supervised-");
        ports = Ports.freePorts(3);
        redis = new RedisServer(root.resolve("redis"), ports.get(0));
        kafka = new KafkaBrokerProcess(root.resolve("kafka"), ports.get(1), ports.get(2), root.resolve("kafka.log"),
                List.of());
        redis.start();
        kafka.start();
        kafka.createTopics(List.of("it.events"), 1);
        supervisor = new Supervisor(new PrintStream(terminal, true, StandardCharsets.UTF_8),
                () -> new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        supervisor.supervise(supervised(redis, root.resolve("redis/redis.log")));
        supervisor.supervise(supervised(kafka, root.resolve("kafka.log")));
    }

    @AfterAll
    static void stopLeavesNothingBehind() {
        supervisor.close();
        kafka.stop();
        redis.stop();
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
    void bringsBackAKafkaBrokerKilledWithSigkillWithItsRecords() {
        String bootstrap = kafka.bootstrapServers();
        send(bootstrap, "before the crash");
        long killed = kafka.externalProcess().orElseThrow().pid();
        assertThat(ProcessKiller.isOurs(killed, KafkaBrokerProcess.marker(root.resolve("kafka"))))
                .as("a later run finds the broker by its command line").isTrue();

        ProcessKiller.signal(killed, "KILL");

        await(() -> output().contains("Kafka is ready again"));
        assertThat(output()).contains("!! Kafka exited with code 137").contains("restarting Kafka in 200 ms");
        assertThat(kafka.externalProcess().orElseThrow().pid()).isNotEqualTo(killed);
        send(bootstrap, "after the crash");
        assertThat(receiveAll(bootstrap, 2)).containsExactly("before the crash", "after the crash");
    }

    @Test
    void bringsBackARedisKilledWithSigkill() {
        long killed = redis.externalProcess().orElseThrow().pid();

        ProcessKiller.signal(killed, "KILL");

        await(() -> output().contains("Redis is ready again"));
        assertThat(output()).contains("!! Redis exited with code 137");
        assertThat(redis.ping()).isTrue();
        assertThat(redis.externalProcess().orElseThrow().pid()).isNotEqualTo(killed);
    }

    private static Supervisor.Supervised supervised(EmbeddedServer server, Path log) {
        return new SupervisedServer(server, log, () -> false, restarted -> { });
    }

    private static void send(String bootstrap, String value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("it.events", "show-1", value)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot send to Kafka", e);
        }
    }

    private static List<String> receiveAll(String bootstrap, int count) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "it-" + System.nanoTime(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("it.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static String output() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 90 s; terminal:%n%s", output()).isLessThan(deadline);
            Sleep.millis(100);
        }
    }
}
