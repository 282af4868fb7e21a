package io.ticketing.waiting.line;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxWait how long a customer waits at most; the entry then expires
 * @param maxSeats seats one entry may wait for (the hold limit)
 * @param maxPoll the longest a long poll ({@code waitSeconds}) is held open
 * @param reservationUrl reservation-service, asked for a show's free and held seats when a customer joins
 */
@ConfigurationProperties("ticketing.waiting")
public record WaitingProperties(@DefaultValue("PT1H") Duration maxWait, @DefaultValue("10") int maxSeats,
        @DefaultValue("PT30S") Duration maxPoll,
        @DefaultValue("http://127.0.0.1:8082") String reservationUrl) {
}
