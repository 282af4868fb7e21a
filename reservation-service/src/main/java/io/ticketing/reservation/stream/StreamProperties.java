package io.ticketing.reservation.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConnections open streams per instance; more are refused with 503 (clients retry, perhaps on
 *        another instance)
 * @param heartbeatInterval how often an idle stream gets a comment, so proxies keep it open and a client
 *        that went away is noticed
 * @param timeout how long one stream lasts; the client then reconnects and starts from a fresh snapshot
 * @param maxQueuedEvents changes that may wait while a stream's snapshot is read; beyond that it is disconnected and
 *        reconnects from a fresh snapshot rather than holding memory for the whole show
 * @param eventInterval the shortest time between two {@code seats} events of one stream; the changes in between go
 *        out together in the next
 */
@ConfigurationProperties("ticketing.reservation.stream")
public record StreamProperties(@DefaultValue("10000") int maxConnections,
        @DefaultValue("PT15S") Duration heartbeatInterval, @DefaultValue("PT30M") Duration timeout,
        @DefaultValue("1000") int maxQueuedEvents, @DefaultValue("PT0.1S") Duration eventInterval) {
}
