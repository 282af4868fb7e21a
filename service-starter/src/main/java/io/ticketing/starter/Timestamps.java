package io.ticketing.starter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as SQL parameters: the PostgreSQL driver binds {@link OffsetDateTime} to {@code timestamptz}. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant at UTC, for a {@code timestamptz} parameter. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
