package io.ticketing.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.notification.ticket.Tickets;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail server so slow that a batch of mails outlasts its lease, and another instance that takes the rest of the
 * batch meanwhile: each mail is sent by one instance only. Before, the first instance went on sending the mails the
 * other had taken, and both sent them.
 */
@SpringBootTest(properties = { "ticketing.notification.mail.poll-interval=PT1H",
        "spring.kafka.listener.auto-startup=false" })
class MailLeaseIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification_lease", Component.POSTGRES, Component.KAFKA,
                Component.SMTP);
    }

    @Autowired
    MailRepository queue;

    @Autowired
    MailProperties properties;

    @Autowired
    MailMetrics metrics;

    @Autowired
    Tickets tickets;

    @Test
    void aMailTheOtherInstanceTookOnceItsLeaseRanOutIsSentByThatInstanceOnly() {
        var clock = new SettableClock(Instant.now());
        Map<UUID, String> mails = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String reference = UUID.randomUUID().toString();
            queue.add(Mail.Kind.WAITLIST_OFFERED, reference, "lease-" + i + "@example.com",
                    new Letter("Mail " + i, "Seats for you"), null, clock.instant());
            mails.put(UUID.nameUUIDFromBytes((Mail.Kind.WAITLIST_OFFERED + ":" + reference)
                    .getBytes(StandardCharsets.UTF_8)), "Mail " + i);
        }
        List<String> sent = new ArrayList<>();
        List<String> takenByTheOther = new ArrayList<>();
        // each mail takes 70 s of a 2 minute lease; while the second goes, another instance takes what is due
        var slowServer = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                try {
                    sent.add(messages[0].getSubject());
                }
                catch (MessagingException ex) {
                    throw new IllegalStateException(ex);
                }
                clock.advance(Duration.ofSeconds(70));
                if (sent.size() == 2) {
                    queue.take(clock.instant(), clock.instant().plus(properties.lease()), 20)
                            .forEach(mail -> takenByTheOther.add(mails.get(mail.id())));
                }
            }
        };

        new MailDelivery(queue, slowServer, tickets, properties, metrics, clock).sendDue();

        assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
        // the batch's order among mails due at the same moment is the database's
        assertThat(sent).hasSize(2).doesNotHaveDuplicates();
        assertThat(takenByTheOther).as("the third, whose lease ran out while the second went").hasSize(1)
                .doesNotContainAnyElementsOf(sent);
        assertThat(mails.values()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(sent.stream(), takenByTheOther.stream()).toList());
    }

    /** A clock the test moves on. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
