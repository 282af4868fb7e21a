package io.ticketing.notification.show;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone tickets and mails give times in; show events carry instants only, so a chain whose
 *        cinemas share a zone sets it here (the zone's name is printed with every time)
 */
@ConfigurationProperties("ticketing.notification.shows")
public record ShowProperties(@DefaultValue("UTC") ZoneId timeZone) {
}
