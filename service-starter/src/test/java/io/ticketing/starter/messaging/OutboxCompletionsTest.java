package io.ticketing.starter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

class OutboxCompletionsTest {

    private final Rows rows = new Rows();
    private final OutboxCompletions completions = new OutboxCompletions();
    private final EventPublicationRepository repository = (EventPublicationRepository) completions
            .postProcessAfterInitialization(rows, "eventPublicationRepository");

    @AfterEach
    void stop() {
        completions.stop();
    }

    @Test
    void leavesOtherBeansAsTheyAre() {
        Object other = new Object();
        assertThat(completions.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }

    @Test
    void deletesACompletedRowWithoutMarkingItProcessing() {
        completions.start();
        UUID id = UUID.randomUUID();

        repository.markProcessing(id);
        repository.markCompleted(id, Instant.now());

        await().atMost(Duration.ofSeconds(5)).until(() -> rows.deleted().contains(id));
        assertThat(rows.calls()).doesNotContain("markProcessing", "markCompleted");
    }

    @Test
    void marksTheInMemoryPublicationCompleted() {
        completions.start();
        var publication = TargetEventPublication.of("event", PublicationTargetIdentifier.of("listener"));

        repository.markCompleted(publication, Instant.parse("2026-12-03T10:00:00Z"));

        assertThat(publication.getCompletionDate()).contains(Instant.parse("2026-12-03T10:00:00Z"));
        await().atMost(Duration.ofSeconds(5)).until(() -> rows.deleted().contains(publication.getIdentifier()));
    }

    @Test
    void deletesTheRowsCompletedDuringADeleteInOneStatement() throws Exception {
        rows.holdNextDelete();
        completions.start();
        UUID first = UUID.randomUUID();
        repository.markCompleted(first, Instant.now());
        rows.deleteStarted.await();
        List<UUID> meanwhile = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            meanwhile.add(id);
            repository.markCompleted(id, Instant.now());
        }
        rows.releaseDelete();

        await().atMost(Duration.ofSeconds(5)).until(() -> rows.deleted().containsAll(meanwhile));
        assertThat(rows.deletes()).containsExactly(List.of(first), meanwhile);
    }

    @Test
    void triesAFailedDeleteAgain() {
        rows.failDeletes(1);
        completions.start();
        UUID id = UUID.randomUUID();

        repository.markCompleted(id, Instant.now());

        await().atMost(Duration.ofSeconds(5)).until(() -> rows.deleted().contains(id));
        assertThat(rows.failures()).isEqualTo(1);
    }

    @Test
    void deletesWhatIsLeftWhenStopping() {
        UUID id = UUID.randomUUID();
        repository.markCompleted(id, Instant.now()); // not started: nothing has deleted it yet
        assertThat(rows.deleted()).isEmpty();

        completions.stop();

        assertThat(rows.deleted()).contains(id);
        assertThat(completions.queued()).isZero();
    }

    /** The table, as far as these tests look at it: which rows were deleted, and how. */
    private static final class Rows implements EventPublicationRepository {

        private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final List<List<UUID>> deletes = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final CountDownLatch deleteStarted = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean holdNext;

        void holdNextDelete() {
            holdNext = true;
        }

        void releaseDelete() {
            release.countDown();
        }

        void failDeletes(int count) {
            failuresLeft.set(count);
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        List<List<UUID>> deletes() {
            return List.copyOf(deletes);
        }

        List<UUID> deleted() {
            synchronized (deletes) {
                return deletes.stream().flatMap(List::stream).toList();
            }
        }

        int failures() {
            return failures.get();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            deleteStarted.countDown();
            if (holdNext) {
                holdNext = false;
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                failures.incrementAndGet();
                throw new IllegalStateException("database away");
            }
            deletes.add(List.copyOf(identifiers));
        }

        @Override
        public void markProcessing(UUID identifier) {
            calls.add("markProcessing");
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            calls.add("markCompleted");
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            return publication;
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            calls.add("markCompleted");
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return List.of();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return List.of();
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                PublicationTargetIdentifier targetIdentifier) {
            return Optional.empty();
        }

        @Override
        public void deleteCompletedPublications() {
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
        }
    }
}
