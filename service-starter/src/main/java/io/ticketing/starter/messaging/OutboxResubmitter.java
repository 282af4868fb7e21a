package io.ticketing.starter.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

import io.ticketing.starter.jobs.JobLease;

/**
 * Retries event publications that did not complete — Kafka was down, or the service died between commit
 * and send — so no committed event is ever lost.
 * <p>
 * Spring Modulith marks a publication {@code RESUBMITTED} while an instance sends it again, and claims for a new
 * attempt only a publication not so marked: one whose instance died in the middle of that attempt would stay marked,
 * and be sent by no instance ever again. A resubmission still unfinished after {@code abandonedAfter} (longer than an
 * attempt can take: a send gives up within 70 s, up to 60 s for Kafka's metadata and 10 s for its acknowledgement) is
 * therefore marked {@code FAILED}, which the next pass of any instance claims. Should the attempt have been alive after
 * all, the event goes out twice, which consumers drop ({@link EventInbox}). One instance at a time resubmits: the
 * holder of the job's lease.
 */
public class OutboxResubmitter {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration minimumAge;
    private final Duration abandonedAfter;
    private final JobLease lease;

    public OutboxResubmitter(IncompleteEventPublications publications, JdbcClient jdbc, Clock clock,
            Duration minimumAge, Duration abandonedAfter, JobLease lease) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.minimumAge = minimumAge;
        this.abandonedAfter = abandonedAfter;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${ticketing.outbox.resubmit-interval:PT10S}",
            initialDelayString = "${ticketing.outbox.resubmit-interval:PT10S}")
    public void resubmit() {
        if (!lease.held()) {
            return;
        }
        int abandoned = jdbc.sql("""
                UPDATE event_publication SET status = 'FAILED'
                WHERE status = 'RESUBMITTED' AND completion_date IS NULL AND last_resubmission_date < :before""")
                .param("before", OffsetDateTime.now(clock).minus(abandonedAfter)).update();
        if (abandoned > 0) {
            log.warn("{} event publications were being sent again for more than {} (their instance stopped): they are "
                    + "sent once more", abandoned, abandonedAfter);
        }
        publications.resubmitIncompletePublicationsOlderThan(minimumAge);
    }
}
