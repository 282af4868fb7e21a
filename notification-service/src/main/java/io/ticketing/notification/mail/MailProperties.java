package io.ticketing.notification.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender customers see
 * @param pollInterval how often due mails are looked for
 * @param batchSize mails one instance takes per poll
 * @param maxAttempts sends tried before a mail is given up ({@code FAILED}, logged)
 * @param firstRetryAfter the wait after a first failed send; doubled after each further one
 * @param maxRetryAfter the longest wait between two sends of a mail
 * @param lease how long a mail taken for sending is kept from other instances; one that crashed while sending
 *        leaves it to be taken again after this
 */
@ConfigurationProperties("ticketing.notification.mail")
public record MailProperties(@DefaultValue("Ticketing <tickets@ticketing.local>") String from,
        @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("10") int maxAttempts, @DefaultValue("PT10S") Duration firstRetryAfter,
        @DefaultValue("PT1H") Duration maxRetryAfter, @DefaultValue("PT2M") Duration lease) {

    /** The wait before the next send after {@code failures} failed ones. */
    Duration retryAfter(int failures) {
        Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
