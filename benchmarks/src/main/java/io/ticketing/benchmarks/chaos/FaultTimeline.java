package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fault came before something that broke: the faults in force at that moment (from injection until the platform
 * recovered, for ever when it did not); else the nearer of the last one recovered from before it and one that began
 * within {@link #SOON} after it (what the data dates is often the start of what broke — a booking confirmed just before
 * the database went read-only, whose tickets' event was then lost). Faults are numbered as in the printed table,
 * from 1.
 */
final class FaultTimeline {

    static final Duration SOON = Duration.ofSeconds(30);

    private final List<FaultRecord> faults;

    FaultTimeline(List<FaultRecord> faults) {
        this.faults = List.copyOf(faults);
    }

    /**
     * {@code during #3 db-read-only booking-service 14 s}, {@code 12 s after #3 ... was recovered from}, or
     * {@code before any fault}.
     */
    String when(Instant at) {
        return describe(at, true);
    }

    /** As {@link #when}, without the seconds: the same for every moment between two faults, to count by. */
    String group(Instant at) {
        return describe(at, false);
    }

    private String describe(Instant at, boolean precise) {
        List<String> during = new ArrayList<>();
        FaultRecord before = null;
        int beforeNumber = 0;
        for (int index = 0; index < faults.size(); index++) {
            FaultRecord fault = faults.get(index);
            if (fault.skipped() || at.isBefore(fault.started())) {
                continue;
            }
            Instant over = fault.recovered() ? fault.ended().plus(fault.recovery()) : Instant.MAX;
            if (!at.isAfter(over)) {
                during.add("#" + (index + 1) + " " + fault.fault().describe());
            }
            else if (before == null || fault.ended().isAfter(before.ended())) {
                before = fault;
                beforeNumber = index + 1;
            }
        }
        if (!during.isEmpty()) {
            // two at a time are named; past that (faults never recovered from pile up) the latest, and how many more
            return "during " + (during.size() <= 2 ? String.join(" and ", during)
                    : during.getLast() + " (and " + (during.size() - 1) + " earlier faults still in force)");
        }
        Instant over = before == null ? null : before.ended().plus(before.recovery());
        for (int index = 0; index < faults.size(); index++) {
            FaultRecord next = faults.get(index);
            if (!next.skipped() && next.started().isAfter(at) && !next.started().isAfter(at.plus(SOON))
                    && (over == null || Duration.between(at, next.started()).compareTo(Duration.between(over, at)) < 0)) {
                return (precise ? Duration.between(at, next.started()).toSeconds() + " s before #" : "just before #")
                        + (index + 1) + " " + next.fault().describe();
            }
        }
        if (before == null) {
            return "before any fault";
        }
        return (precise ? Duration.between(over, at).toSeconds() + " s after #" : "after #") + beforeNumber + " "
                + before.fault().describe() + " was recovered from";
    }
}
