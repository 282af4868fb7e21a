package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OversellCheckTest {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant CHECKED = START.plusSeconds(60);

    private static SuccessfulHold hold(int customer, int secondsAfterStart, String... seats) {
        Instant answeredAt = START.plusSeconds(secondsAfterStart);
        return new SuccessfulHold(customer, "h-" + customer + "-" + secondsAfterStart, List.of(seats),
                answeredAt.plusSeconds(300), answeredAt);
    }

    /** Six seats A1 to A6: those given held, the others available. */
    private static Map<String, String> finalMap(String... held) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (int n = 1; n <= 6; n++) {
            statuses.put("A" + n, Set.of(held).contains("A" + n) ? "HELD" : "AVAILABLE");
        }
        return statuses;
    }

    @Test
    void passesWhenTheMapShowsExactlyTheSuccessfulHolds() {
        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1", "A2"), hold(1, 2, "A3")), List.of(), finalMap("A1", "A2", "A3"),
                CHECKED, Map.of(0, Set.of("A1", "A2"), 1, Set.of("A3")));

        assertThat(check.oversells()).isZero();
        assertThat(check.inconsistencies()).isZero();
        assertThat(check.passed()).isTrue();
        assertThat(check.seatsTaken()).isEqualTo(3);
        assertThat(check.customersChecked()).isEqualTo(2);
        assertThat(String.join("\n", check.describe())).contains("(a) seats in two live successful holds: 0",
                "(c) seats taken: 3 of 6", "2 customers, 0 seats shown as theirs that are not");
    }

    @Test
    void countsASeatInTwoHoldsAsAnOversell() {
        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1", "A2"), hold(1, 2, "A2", "A3")), List.of(),
                finalMap("A1", "A2", "A3"), CHECKED, Map.of());

        assertThat(check.doubleHeld()).isEqualTo(1);
        assertThat(check.oversells()).isEqualTo(1);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void acceptsASeatHeldAgainAfterItsFirstHoldExpired() {
        var first = hold(0, 1, "A1");
        var again = new SuccessfulHold(1, "h-again", List.of("A1"), first.expiresAt().plusSeconds(306),
                first.expiresAt().plusSeconds(6));

        var check = OversellCheck.of(6, List.of(again, first), List.of(), finalMap("A1"), first.expiresAt().plusSeconds(10),
                Map.of());

        assertThat(check.doubleHeld()).isZero();
        assertThat(check.expiredHolds()).isEqualTo(1);
        assertThat(check.seatsTaken()).isEqualTo(1);
        assertThat(check.passed()).isTrue();
    }

    @Test
    void countsSeatsTakenWithoutASuccessfulHoldAsOversold() {
        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1")), List.of(), finalMap("A1", "A5", "A6"), CHECKED, Map.of());

        assertThat(check.takenWithoutHold()).isEqualTo(2);
        assertThat(check.oversells()).isEqualTo(2);
    }

    @Test
    void reportsSeatsOfHoldsTheMapDoesNotShowAsInconsistent() {
        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1", "A2")), List.of(), finalMap("A1"), CHECKED, Map.of());

        assertThat(check.heldSeatsNotShown()).isEqualTo(1);
        assertThat(check.oversells()).isZero();
        assertThat(check.inconsistencies()).isEqualTo(1);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void checksEachCustomersOwnView() {
        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1", "A2"), hold(1, 2, "A3")), List.of(), finalMap("A1", "A2", "A3"),
                CHECKED, Map.of(0, Set.of("A1"), 1, Set.of("A3", "A2")));

        assertThat(check.shownAsOthersOwn()).isEqualTo(1);
        assertThat(check.ownSeatsNotShown()).isEqualTo(1);
        assertThat(check.oversells()).isEqualTo(1);
        assertThat(check.inconsistencies()).isEqualTo(1);
    }

    @Test
    void acceptsSeatsTakenByAnAttemptThatTimedOutWhenItsCustomerOwnsThem() {
        var timedOut = new UnansweredHold(1, List.of("A3", "A4"));

        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1")), List.of(timedOut), finalMap("A1", "A3", "A4"),
                CHECKED, Map.of(0, Set.of("A1"), 1, Set.of("A3", "A4")));

        assertThat(check.takenByUnanswered()).isEqualTo(2);
        assertThat(check.takenWithoutHold()).isZero();
        assertThat(check.seatsTaken()).isEqualTo(3);
        assertThat(check.passed()).isTrue();
        assertThat(String.join("\n", check.describe())).contains("2 seats taken by hold attempts whose answer never came");
    }

    @Test
    void countsASeatOfAnUnansweredAttemptAsOversoldWhenSomeoneElseOwnsItOrNobody() {
        var timedOut = new UnansweredHold(1, List.of("A1", "A5"));

        var check = OversellCheck.of(6, List.of(hold(0, 1, "A1")), List.of(timedOut), finalMap("A1", "A5"), CHECKED,
                Map.of(0, Set.of("A1"), 1, Set.of("A1")));

        // A1 is customer 0's, yet shown as customer 1's; A5 is taken and shown as nobody's
        assertThat(check.shownAsOthersOwn()).isEqualTo(1);
        assertThat(check.takenWithoutHold()).isEqualTo(1);
        assertThat(check.takenByUnanswered()).isZero();
        assertThat(check.oversells()).isEqualTo(2);
    }

    @Test
    void countsSeatsBeyondTheShowsCapacity() {
        var check = OversellCheck.of(2, List.of(hold(0, 1, "A1", "A2"), hold(1, 2, "A3")), List.of(), finalMap("A1", "A2", "A3"),
                CHECKED, Map.of());

        assertThat(check.overCapacity()).isEqualTo(1);
        assertThat(check.oversells()).isEqualTo(1);
        assertThat(String.join("\n", check.describe())).contains("3 of 2, 1 too many");
    }
}
