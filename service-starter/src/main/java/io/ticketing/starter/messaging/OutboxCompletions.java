package io.ticketing.starter.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Deletes completed outbox rows in groups, off the thread that sent the event. Spring Modulith's registry, with
 * completion mode {@code delete}, writes twice per event after the send: once to mark the row {@code PROCESSING}
 * before the listener runs, once to delete it when the listener returns, each its own transaction. In an on-sale rush
 * that is two database round trips and two commits per hold, more than the hold's own record costs.
 *
 * <p>Here, the {@code PROCESSING} mark is left out: it only serves Modulith's staleness monitor, which the platform
 * does not use ({@link OutboxResubmitter} retries rows by age and completion date, whatever their status). A completed
 * row's id is queued, and one writer deletes whatever is queued in one statement, so under load the rows of many
 * events go in one round trip, and at a quiet moment a row goes at once.
 *
 * <p>What this gives up: a row whose event Kafka has acknowledged stays in the table until its delete runs,
 * milliseconds later. If the service dies in between, or the database refuses the delete for longer than
 * {@code ticketing.outbox.resubmit-after} (30 s), the event is sent again; consumers drop redeliveries
 * ({@link EventInbox}), as they do for any other at-least-once send. A delete that fails is tried again after a
 * second, and on shutdown what is left is deleted once more.
 */
public class OutboxCompletions implements BeanPostProcessor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxCompletions.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** The most rows in one delete. */
    private static final int MAX_GROUP = 500;

    private final BlockingQueue<UUID> completed = new LinkedBlockingQueue<>();
    private volatile EventPublicationRepository repository;
    private volatile Thread writer;

    /** Wraps the application's outbox repository (there is one); other beans pass unchanged. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventPublicationRepository delegate) {
            repository = delegate;
            return new GroupedCompletion(delegate);
        }
        return bean;
    }

    @Override
    public synchronized void start() {
        if (writer == null && repository != null) {
            writer = Thread.ofPlatform().name("outbox-completions").daemon().start(this::write);
        }
    }

    /** Stops the writer and deletes what is still queued (the database is still there: beans are not gone yet). */
    @Override
    public synchronized void stop() {
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(RETRY_AFTER.toMillis() * 2);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        List<UUID> left = new ArrayList<>();
        completed.drainTo(left);
        if (!left.isEmpty()) {
            try {
                repository.deletePublications(left);
            }
            catch (RuntimeException ex) {
                log.warn("{} completed outbox rows not deleted on shutdown; their events will be sent again: {}",
                        left.size(), ex.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the beans that send events (a lower phase stops later). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Completed rows queued and not yet deleted; for tests and diagnostics. */
    int queued() {
        return completed.size();
    }

    private void write() {
        List<UUID> group = new ArrayList<>(MAX_GROUP);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (group.isEmpty()) {
                    group.add(completed.take());
                }
                completed.drainTo(group, MAX_GROUP - group.size());
                repository.deletePublications(group);
                group.clear();
            }
            catch (InterruptedException ex) {
                completed.addAll(group); // left for stop() to delete
                return;
            }
            catch (RuntimeException ex) {
                // the database is away: keep the group, try again (the rows meanwhile stay incomplete, see above)
                log.warn("Could not delete {} completed outbox rows, trying again in {}: {}", group.size(), RETRY_AFTER,
                        ex.toString());
                try {
                    Thread.sleep(RETRY_AFTER);
                }
                catch (InterruptedException interrupted) {
                    completed.addAll(group);
                    return;
                }
            }
        }
    }

    /** Modulith's repository, with completions queued for {@link #write()} and no {@code PROCESSING} mark. */
    private final class GroupedCompletion implements EventPublicationRepository {

        private final EventPublicationRepository delegate;

        GroupedCompletion(EventPublicationRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            return delegate.create(publication);
        }

        @Override
        public void markProcessing(UUID identifier) {
            // left out on purpose: see the class comment
        }

        @Override
        public void markCompleted(TargetEventPublication publication, Instant completionDate) {
            publication.markCompleted(completionDate);
            completed.add(publication.getIdentifier());
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            completed.add(identifier);
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        @Override
        public void markFailed(UUID identifier) {
            delegate.markFailed(identifier);
        }

        @Override
        public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
            return delegate.markResubmitted(identifier, resubmissionDate);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return delegate.findIncompletePublications();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return delegate.findIncompletePublicationsPublishedBefore(instant);
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                PublicationTargetIdentifier targetIdentifier) {
            return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return delegate.findCompletedPublications();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            delegate.deletePublications(identifiers);
        }

        @Override
        public void deleteCompletedPublications() {
            delegate.deleteCompletedPublications();
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
            delegate.deleteCompletedPublicationsBefore(instant);
        }

        @Override
        public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
            return delegate.findFailedPublications(criteria);
        }

        @Override
        public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
            return delegate.findByStatus(status);
        }

        @Override
        public int countByStatus(EventPublication.Status status) {
            return delegate.countByStatus(status);
        }
    }
}
