package io.ticketing.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU each part of a stack used over a stretch of time ({@link StackCpu#between}).
 *
 * @param millis CPU time per part, in ms, in the order of the printout
 * @param wallMillis how long the stretch lasted, in ms
 * @param gone parts whose process was gone or replaced by the end (a restart): their time is unknown and left out
 */
public record CpuUse(Map<String, Double> millis, double wallMillis, List<String> gone) {

    public CpuUse {
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        gone = List.copyOf(gone);
    }

    /** The whole stack's CPU time, in ms. */
    public double total() {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU ms per operation, per part; NaN for every part when there was no operation. */
    public Map<String, Double> perOperation(long operations) {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        millis.forEach((part, used) -> perOperation.put(part, perOperation(used, operations)));
        return perOperation;
    }

    /** The whole stack's CPU ms per operation; NaN when there was none. */
    public double totalPerOperation(long operations) {
        return perOperation(total(), operations);
    }

    /** How many cores the stack kept busy on average: CPU time over wall time. */
    public double cores() {
        return wallMillis > 0 ? total() / wallMillis : Double.NaN;
    }

    /** CPU ms per operation; NaN when there was none. */
    public static double perOperation(double millis, long operations) {
        return operations > 0 ? millis / operations : Double.NaN;
    }
}
