package io.ticketing.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitingLineCheckTest {

    private static final Instant MADE = Instant.parse("2026-11-27T10:05:00Z");
    private static final long MS = 1_000_000;

    /** Holder {@code holder}'s hold of seats A(2h+1) and A(2h+2), released {@code 100 ms × holder} after the start. */
    private static WaitingLineCheck.Release release(int holder) {
        long sent = holder * 100 * MS;
        return new WaitingLineCheck.Release(holder, "hold-" + holder,
                List.of("A" + (2 * holder + 1), "A" + (2 * holder + 2)), sent, sent + 20 * MS);
    }

    /** Waiter {@code waiter}'s offer of the given seats, made {@code madeMillis} after MADE and seen at {@code seenMillis}. */
    private static WaitingLineCheck.Offer offer(int waiter, long madeMillis, long seenMillis, String... seats) {
        return new WaitingLineCheck.Offer(waiter, "offer-" + waiter, List.of(seats), MADE.plusMillis(madeMillis),
                seenMillis * MS);
    }

    @Test
    void eachTwoSeatReleaseServesTwoOneSeatWaitersInOrder() {
        var releases = List.of(release(0), release(1));
        var offers = List.of(offer(0, 10, 60, "A1"), offer(1, 11, 75, "A2"), offer(2, 110, 190, "A3"),
                offer(3, 111, 230, "A4"));

        var check = WaitingLineCheck.of(4, 1, releases, offers);

        assertThat(check.matched()).extracting(match -> match.release().holder()).containsExactly(0, 0, 1, 1);
        assertThat(check.matched()).extracting(WaitingLineCheck.Matched::latencyNanos)
                .containsExactly(60 * MS, 75 * MS, 90 * MS, 130 * MS);
        assertThat(check.inversions()).isZero();
        assertThat(check.skipped()).isEmpty();
        assertThat(check.expectedOffers()).isEqualTo(4);
        assertThat(check.passed()).isTrue();
        assertThat(WaitingLineCheck.offersPerRelease(check.matched(), releases)).containsExactly(java.util.Map.entry(2, 2));
    }

    @Test
    void anOfferOfSeatsFromTwoReleasesCountsFromTheLaterOne() {
        var check = WaitingLineCheck.of(1, 3, List.of(release(0), release(1)), List.of(offer(0, 110, 250, "A2", "A3", "A4")));

        assertThat(check.matched()).singleElement().satisfies(match -> {
            assertThat(match.release().holder()).isEqualTo(1);
            assertThat(match.latencyNanos()).isEqualTo(150 * MS);
        });
        assertThat(check.expectedOffers()).isEqualTo(1); // min(1 waiter, 4 seats / 3)
        assertThat(check.passed()).isTrue();
    }

    @Test
    void judgesOrderByWhenTheOffersWereMadeNotWhenTheyWereSeen() {
        // waiter 2 saw its offer first (its long poll happened to answer sooner), but it was made after waiter 1's
        var check = WaitingLineCheck.of(2, 1, List.of(release(0)), List.of(offer(0, 10, 300, "A1"), offer(1, 12, 50, "A2")));

        assertThat(check.inversions()).isZero();
        assertThat(check.passed()).isTrue();
    }

    @Test
    void findsALaterWaiterOfferedBeforeAnEarlierOne() {
        var offers = List.of(offer(0, 120, 200, "A3"), offer(1, 10, 60, "A1"), offer(2, 11, 70, "A2"));

        var check = WaitingLineCheck.of(3, 1, List.of(release(0), release(1)), offers);

        assertThat(check.inversions()).isEqualTo(2); // waiters 2 and 3 were both served before waiter 1
        assertThat(check.inversionExamples()).first().asString().startsWith("waiter 2 (joined 2nd) was offered [A1]");
        assertThat(check.passed()).isFalse();
        assertThat(String.join("\n", check.describe())).contains("order: 2 inversions");
    }

    @Test
    void findsAWaiterSkippedForALaterOne() {
        var check = WaitingLineCheck.of(3, 1, List.of(release(0)), List.of(offer(0, 10, 60, "A1"), offer(2, 11, 70, "A2")));

        assertThat(check.skipped()).containsExactly(1);
        assertThat(check.offers()).isEqualTo(2);
        assertThat(check.expectedOffers()).isEqualTo(2);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void findsASeatOfferedTwiceAndASeatNoReleaseFreed() {
        var check = WaitingLineCheck.of(3, 1, List.of(release(0)),
                List.of(offer(0, 10, 60, "A1"), offer(1, 11, 70, "A1"), offer(2, 12, 80, "B7")));

        assertThat(check.doubleOffered()).containsExactly("A1");
        assertThat(check.unmatched()).extracting(WaitingLineCheck.Offer::waiter).containsExactly(2);
        assertThat(check.matched()).hasSize(2);
        assertThat(check.passed()).isFalse();
    }

    @Test
    void expectsNoMoreOffersThanFreedSeatsServe() {
        var releases = List.of(release(0));

        var tooFew = WaitingLineCheck.of(5, 1, releases, List.of(offer(0, 10, 60, "A1")));
        var enough = WaitingLineCheck.of(5, 1, releases, List.of(offer(0, 10, 60, "A1"), offer(1, 11, 61, "A2")));

        assertThat(tooFew.expectedOffers()).isEqualTo(2);
        assertThat(tooFew.passed()).isFalse();
        assertThat(String.join("\n", tooFew.describe())).contains("offers: 1 of 2 expected", "WRONG");
        assertThat(enough.passed()).isTrue();
    }
}
