package io.ticketing.testsupport.events;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import io.ticketing.testsupport.TestInfrastructure;

/**
 * Whether a consumer group is done with a record: its committed offset on the record's partition is past it. A
 * service's listeners commit only once they have applied what they read, so from then on every effect of that
 * record, and of each one before it on the partition, is there: a test checks "applied once" at that moment instead
 * of watching for a while.
 */
public final class Consumption {

    private Consumption() {
    }

    /** Waits (30 s at most) until {@code group} on the test Kafka has committed past {@code record}. */
    public static void awaitPast(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> committed(admin, group, partition) > record.offset());
        }
    }

    private static long committed(Admin admin, String group, TopicPartition partition)
            throws InterruptedException, ExecutionException {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
