package io.ticketing.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ticketing.notification.ticket.Tickets;

/**
 * Sends due mails over SMTP, outside any transaction: each instance takes a batch on a lease (so instances never
 * send the same mail at once), sends each, and marks it sent — or due again after a doubling wait, until it is
 * given up. A crash between the SMTP server's acceptance and the mark sends a mail twice; it keeps its Message-ID
 * then, which mail clients use to drop the copy.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int ERROR_LENGTH = 500;

    private final MailRepository queue;
    private final JavaMailSender smtp;
    private final Tickets tickets;
    private final MailProperties properties;
    private final MailMetrics metrics;
    private final Clock clock;

    MailDelivery(MailRepository queue, JavaMailSender smtp, Tickets tickets, MailProperties properties,
            MailMetrics metrics, Clock clock) {
        this.queue = queue;
        this.smtp = smtp;
        this.tickets = tickets;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes the due mails a batch at a time, each batch on a lease, and sends them one by one. Each mail's lease is
     * renewed just before it is sent: a slow mail server can make a batch outlast its lease, and another instance then
     * takes the rest of it; a mail taken so is left to that instance, not sent twice.
     */
    @Scheduled(fixedDelayString = "${ticketing.notification.mail.poll-interval:PT1S}")
    void sendDue() {
        List<Mail> due;
        do {
            Instant now = clock.instant();
            Instant leaseEnd = leaseFrom(now);
            due = queue.take(now, leaseEnd, properties.batchSize());
            for (Mail mail : due) {
                if (queue.renew(mail.id(), leaseEnd, leaseFrom(clock.instant()))) {
                    send(mail);
                }
                else {
                    log.info("Mail {} was taken by another instance after its lease ran out; not sending it here",
                            mail.messageId());
                }
            }
        }
        while (due.size() == properties.batchSize());
    }

    /** The end of a lease that starts {@code now}, to the microsecond as the database keeps it: it compares equal. */
    private Instant leaseFrom(Instant now) {
        return now.plus(properties.lease()).truncatedTo(ChronoUnit.MICROS);
    }

    private void send(Mail mail) {
        try {
            smtp.send(message(mail));
            queue.sent(mail.id(), clock.instant());
            metrics.sent(mail.kind());
        }
        catch (MessagingException | RuntimeException ex) {
            metrics.failed(mail.kind());
            int failures = mail.attempts() + 1;
            Instant retryAt = failures >= properties.maxAttempts() ? null
                    : clock.instant().plus(properties.retryAfter(failures));
            if (retryAt == null) {
                log.error("Gave up mail {} to {} after {} attempts", mail.messageId(), mail.recipient(), failures, ex);
            }
            else {
                log.warn("Mail {} not sent ({}); trying again at {}", mail.messageId(), ex.getMessage(), retryAt);
            }
            String error = String.valueOf(ex.getMessage());
            queue.failed(mail.id(), error.substring(0, Math.min(error.length(), ERROR_LENGTH)), retryAt);
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        var helper = new MimeMessageHelper(message, mail.ticketsOf() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        if (mail.ticketsOf() != null) {
            helper.addAttachment("tickets-" + mail.ticketsOf() + ".pdf",
                    new ByteArrayResource(tickets.pdf(mail.ticketsOf())), "application/pdf");
        }
        // JavaMailSenderImpl keeps a Message-ID that is set before sending
        message.setHeader("Message-ID", mail.messageId());
        return message;
    }
}
