package io.ticketing.benchmarks.holdrate;

import io.ticketing.benchmarks.CpuUse;

/**
 * One phase's measured run.
 *
 * @param wrk what wrk printed about the measured run
 * @param wrkCpuMillis wrk's own CPU time during it, in ms: not part of the stack's
 * @param cpu the stack's CPU from just before wrk started until it had ended, per process
 */
record PhaseResult(Phase phase, WrkOutput wrk, double wrkCpuMillis, CpuUse cpu) {

    /** Answers with the phase's expected status: 204 for a no-op, 201 for a hold, 409 for a refused one. */
    long successes() {
        return wrk.count(phase.expectedStatus());
    }

    /** Answers with any other status. */
    long unexpected() {
        return wrk.requests() - successes();
    }

    double successesPerSecond() {
        return wrk.perSecond(phase.expectedStatus());
    }

    /** The stack's CPU ms per successful operation. */
    double stackMillisPerOperation() {
        return cpu.totalPerOperation(successes());
    }

    double wrkMillisPerOperation() {
        return successes() > 0 ? wrkCpuMillis / successes() : Double.NaN;
    }

    /** How many cores wrk kept busy on average. */
    double wrkCores() {
        return cpu.wallMillis() > 0 ? wrkCpuMillis / cpu.wallMillis() : Double.NaN;
    }
}
