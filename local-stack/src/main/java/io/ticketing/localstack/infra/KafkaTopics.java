package io.ticketing.localstack.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics on any Kafka cluster (embedded or a container) with one idempotent implementation,
 * shared by the local stack and the test support.
 */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * Largest record batch a topic accepts: room for the {@code ShowScheduled} of a 60,000-seat arena
     * (about 4 MB of JSON before compression), like the production topics (k8s create-topics.sh).
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    private static final Map<String, String> TOPIC_CONFIG =
            Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));

    private KafkaTopics() {
    }

    /**
     * Creates every missing topic with the given partition count, replication factor 1 (one broker) and
     * {@link #MAX_MESSAGE_BYTES}. Existing topics are left as they are. Retries while a just-started broker has not registered yet.
     */
    public static void create(String bootstrapServers, Collection<String> names, int partitions) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ticketing-topic-creator",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    createMissing(admin, names, partitions);
                    break;
                } catch (InvalidReplicationFactorException brokerNotRegisteredYet) {
                    if (System.nanoTime() > deadline) {
                        throw brokerNotRegisteredYet;
                    }
                    Sleep.millis(200);
                }
            }
            awaitVisible(admin, names, deadline);
        }
    }

    /**
     * The controller acknowledges a creation before the broker's metadata cache has it; a producer that
     * starts right away would get UNKNOWN_TOPIC_OR_PARTITION, so wait until the broker lists every topic.
     */
    private static void awaitVisible(Admin admin, Collection<String> names, long deadline) {
        while (true) {
            try {
                if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).containsAll(names)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot list topics", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics not visible within " + TIMEOUT + ": " + names);
            }
            Sleep.millis(50);
        }
    }

    private static void createMissing(Admin admin, Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream().distinct()
                .map(name -> new NewTopic(name, partitions, (short) 1).configs(TOPIC_CONFIG)).toList();
        var results = admin.createTopics(topics).values();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    continue;
                }
                if (e.getCause() instanceof InvalidReplicationFactorException notReady) {
                    throw notReady;
                }
                throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Timed out creating topic " + result.getKey(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted creating topic " + result.getKey(), e);
            }
        }
    }
}
