package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fault came before something that broke: the faults in force at that moment (from injection until the platform
 * recovered, for ever when it did not), else the last one that ended before it. Faults are numbered as in the
 * printed table of faults, from 1.
 */
final class FaultTimeline {

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
            // the latest fault names the moment; earlier ones never recovered from are only counted
            return "during " + during.getLast() + (during.size() == 1 ? ""
                    : " (" + (during.size() - 1) + " earlier not recovered from)");
        }
        if (before == null) {
            return "before any fault";
        }
        Instant over = before.ended().plus(before.recovery());
        return (precise ? Duration.between(over, at).toSeconds() + " s after #" : "after #") + beforeNumber + " "
                + before.fault().describe() + " was recovered from";
    }
}
