package io.ticketing.starter.messaging;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries event publications that did not complete — Kafka was down, or the service died between commit
 * and send — so no committed event is ever lost.
 */
public class OutboxResubmitter {

    private final IncompleteEventPublications publications;
    private final Duration minimumAge;

    public OutboxResubmitter(IncompleteEventPublications publications, Duration minimumAge) {
        this.publications = publications;
        this.minimumAge = minimumAge;
    }

    @Scheduled(fixedDelayString = "${ticketing.outbox.resubmit-interval:PT10S}",
            initialDelayString = "${ticketing.outbox.resubmit-interval:PT10S}")
    public void resubmit() {
        publications.resubmitIncompletePublicationsOlderThan(minimumAge);
    }
}
