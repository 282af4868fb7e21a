package io.ticketing.benchmarks.chaos;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The time of day the printout puts before what happened, {@code 14:03:07}, in this machine's zone. */
final class Timestamps {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Timestamps() {
    }

    static String now() {
        return of(Instant.now());
    }

    static String of(Instant moment) {
        return LocalTime.ofInstant(moment, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).format(TIME);
    }
}
