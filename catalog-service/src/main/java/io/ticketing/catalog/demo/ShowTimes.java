package io.ticketing.catalog.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.ticketing.catalog.movie.Movie;

/**
 * A hall's programme for one local day: the evening-heavy rhythm of a real cinema (the last show starts
 * around 21:30 and by 23:30, earlier ones about three hours apart, nothing before opening time), start
 * times on the quarter hour, and never two shows in the hall at once — each show ends, the hall is cleaned, then the
 * next begins. The day's last show ends before the next day's first one can start.
 */
final class ShowTimes {

    static final LocalTime OPENING = LocalTime.of(10, 0);
    static final Duration CLEANING = Duration.ofMinutes(20);
    private static final LocalTime LAST_TARGET = LocalTime.of(21, 30);
    private static final LocalTime LATEST_START = LocalTime.of(23, 30);
    private static final Duration RHYTHM = Duration.ofHours(3);
    private static final Duration QUARTER = Duration.ofMinutes(15);

    /** A movie at a local time. */
    record Slot(Movie movie, ZonedDateTime startsAt) {

        ZonedDateTime endsAt() {
            return startsAt.plusMinutes(movie.durationMinutes());
        }
    }

    private ShowTimes() {
    }

    /**
     * The day's shows in a hall.
     *
     * @param stagger how much later than the others this hall runs (0 to 45 minutes), so a cinema's halls
     *                do not all let out at once
     * @throws IllegalArgumentException if that many shows cannot fit into the day
     */
    static List<Slot> forDay(LocalDate date, ZoneId zone, int shows, Duration stagger, List<Movie> movies,
            Random random) {
        if (shows < 1) {
            return List.of();
        }
        // on the time line, not the wall clock: a night with a daylight saving change is an hour shorter or longer
        ZonedDateTime opening = date.atTime(OPENING).atZone(zone).plus(stagger);
        // the last show ends in time to clean before the next day's earliest possible start
        ZonedDateTime closing = date.plusDays(1).atTime(OPENING).atZone(zone);
        Movie shortest = movies.stream().min(Comparator.comparingInt(Movie::durationMinutes)).orElseThrow();
        // a later show may start up to a quarter of an hour after the hall is free
        Duration shortestSlot = slot(shortest).plus(QUARTER);
        if (opening.plus(shortestSlot.multipliedBy(shows)).isAfter(closing)) {
            throw new IllegalArgumentException(shows + " shows a day do not fit into one hall");
        }
        // the last show starts by 23:30, unless so many shows are asked for that they run into the night
        ZonedDateTime latestStart = date.atTime(LATEST_START).atZone(zone);
        if (opening.plus(shortestSlot.multipliedBy(shows - 1)).isAfter(latestStart)) {
            latestStart = closing.minus(shortestSlot);
        }
        ZonedDateTime lastTarget = date.atTime(LAST_TARGET).atZone(zone).plus(stagger);
        Duration rhythm = RHYTHM;
        ZonedDateTime firstTarget = lastTarget.minus(rhythm.multipliedBy(shows - 1));
        if (firstTarget.isBefore(opening)) {
            firstTarget = opening;
            rhythm = shows == 1 ? Duration.ZERO : Duration.between(opening, lastTarget).dividedBy(shows - 1);
        }
        List<Slot> slots = new ArrayList<>(shows);
        ZonedDateTime free = opening;
        for (int i = 0; i < shows; i++) {
            ZonedDateTime target = firstTarget.plus(rhythm.multipliedBy(i));
            ZonedDateTime start = quarterHourFrom(target.isAfter(free) ? target : free);
            int after = shows - 1 - i;
            ZonedDateTime lastStartBy = latestStart;
            List<Movie> fitting = movies.stream()
                    .filter(movie -> !start.plus(slot(movie)).plus(shortestSlot.multipliedBy(after)).isAfter(closing))
                    .filter(movie -> after == 0
                            || !start.plus(slot(movie)).plus(shortestSlot.multipliedBy(after - 1)).isAfter(lastStartBy))
                    .toList();
            Movie movie = fitting.isEmpty() ? shortest : fitting.get(random.nextInt(fitting.size()));
            slots.add(new Slot(movie, start));
            free = start.plus(slot(movie));
        }
        return slots;
    }

    /** How long a movie occupies its hall: the movie, then cleaning. */
    private static Duration slot(Movie movie) {
        return Duration.ofMinutes(movie.durationMinutes()).plus(CLEANING);
    }

    private static ZonedDateTime quarterHourFrom(ZonedDateTime time) {
        ZonedDateTime floor = time.withSecond(0).withNano(0).withMinute(time.getMinute() / 15 * 15);
        return floor.isBefore(time) ? floor.plus(QUARTER) : floor;
    }
}
