package io.ticketing.benchmarks.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform's consumer groups as Kafka's AdminClient sees them: who is in a group (to tell when a paused
 * service has been given up on), and how far every group is behind the end of what it reads (consumer lag).
 */
final class KafkaGroups implements AutoCloseable {

    /** A group named with a random UUID belongs to one instance (catalog's cache invalidation); a stopped one's stays. */
    private static final Pattern PER_INSTANCE = Pattern.compile(
            ".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;

    KafkaGroups(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "chaos-harness");
        this.admin = Admin.create(properties);
    }

    /** The consumer groups whose name is the service's ({@code booking-service}) or starts with it and a dot. */
    List<String> groupsOf(Component service) throws KafkaUnavailable {
        String name = service.label();
        return groups().stream().filter(group -> group.equals(name) || group.startsWith(name + ".")).sorted().toList();
    }

    /** The ids of the members of each group, now. */
    Map<String, Set<String>> members(Collection<String> groups) throws KafkaUnavailable {
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(groups).all());
        Map<String, Set<String>> members = new TreeMap<>();
        descriptions.forEach((group, description) -> members.put(group, description.members().stream()
                .map(member -> member.consumerId()).collect(Collectors.toSet())));
        return members;
    }

    /**
     * Every group's lag per partition it reads: the end offset minus its committed offset (or the partition's start
     * when it committed none). Groups of one stopped instance ({@link #PER_INSTANCE}, no members) are left out: nobody
     * will ever read for them.
     */
    Lags lag() throws KafkaUnavailable {
        List<PlatformState.GroupLag> lags = new ArrayList<>();
        List<String> groups = groups();
        Map<String, ConsumerGroupDescription> descriptions = groups.isEmpty() ? Map.of()
                : get(admin.describeConsumerGroups(groups).all());
        for (String group : groups) {
            ConsumerGroupDescription description = descriptions.get(group);
            boolean empty = description == null || description.members().isEmpty();
            if (empty && PER_INSTANCE.matcher(group).matches()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            Set<TopicPartition> partitions = new HashSet<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    partitions.add(partition);
                }
            });
            if (description != null) {
                description.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
            }
            if (partitions.isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? starts.getOrDefault(partition, 0L) : offset.offset();
                lags.add(new PlatformState.GroupLag(group, partition.toString(),
                        Math.max(0, ends.getOrDefault(partition, 0L) - position)));
            }
        }
        return new Lags(lags);
    }

    record Lags(List<PlatformState.GroupLag> lags) {

        long total() {
            return lags.stream().mapToLong(PlatformState.GroupLag::lag).sum();
        }
    }

    private List<String> groups() throws KafkaUnavailable {
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        return listings.stream().map(GroupListing::groupId).toList();
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws KafkaUnavailable {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answers.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws KafkaUnavailable {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaUnavailable(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable(ex);
        }
    }

    /** Kafka did not answer in time (paused, down, restarting). */
    static final class KafkaUnavailable extends Exception {

        KafkaUnavailable(Throwable cause) {
            super("Kafka did not answer: " + cause, cause);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
