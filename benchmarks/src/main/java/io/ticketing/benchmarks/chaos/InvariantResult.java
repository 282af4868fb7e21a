package io.ticketing.benchmarks.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One invariant of the audit and what broke it.
 *
 * @param violations each with a key naming what broke (a seat, a payment, a partition), so that two audits can be
 *        compared, and a sentence saying how
 * @param note said next to the count, such as {@code no dead-letter table}; null for none
 */
record InvariantResult(String name, List<Violation> violations, String note) {

    /** @param at when what broke happened, as far as the data tells (to name the fault before it); null if unknown */
    record Violation(String key, String detail, Instant at) {

        Violation(String key, String detail) {
            this(key, detail, null);
        }
    }

    InvariantResult {
        violations = List.copyOf(violations);
    }

    InvariantResult(String name, List<Violation> violations) {
        this(name, violations, null);
    }

    boolean holds() {
        return violations.isEmpty();
    }

    /** The violations of this result that the earlier audit saw too: what did not go away while the platform rested. */
    InvariantResult confirmedBy(InvariantResult earlier) {
        Set<String> seen = earlier.violations.stream().map(Violation::key).collect(Collectors.toSet());
        return new InvariantResult(name, violations.stream().filter(violation -> seen.contains(violation.key())).toList(),
                note);
    }
}
