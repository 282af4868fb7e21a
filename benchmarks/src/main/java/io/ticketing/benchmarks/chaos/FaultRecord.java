package io.ticketing.benchmarks.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * One fault as it happened.
 *
 * @param started when it was injected
 * @param ended when it was taken back (a kill ends as it starts: what follows is the restart)
 * @param recovery from its end until every probe of the hit component succeeded; null when that did not happen
 *        within the recovery timeout (or the fault was skipped)
 * @param note what it hit (a pid, a database), or why it was skipped
 * @param failure when not recovered, what the probes last saw
 */
record FaultRecord(Fault fault, Instant started, Instant ended, Duration recovery, String note, boolean skipped,
        String failure) {

    boolean recovered() {
        return recovery != null;
    }
}
