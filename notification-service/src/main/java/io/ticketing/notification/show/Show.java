package io.ticketing.notification.show;

import java.util.UUID;

/** A show as a ticket or a mail names it; {@code startsAt} is already written out for people. */
public record Show(UUID showId, String movieTitle, String hallName, String startsAt) {
}
