package io.ticketing.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The waiting-line benchmark's pure part: which release freed the seats of each offer (and so each offer's latency),
 * and whether the line was served first come, first served. No I/O; {@link WaitingLineBenchmark} feeds it what the
 * holders and waiters saw.
 *
 * <p>Order is judged on the server's own clock, not on when the waiters happened to see their offers: an offer is a
 * hold the platform makes for the waiter, and its {@code expiresAt} is the moment it was made plus the hold's fixed
 * life, so ordering offers by {@code expiresAt} orders them as they were made. With every waiter asking for the same
 * number of seats, every waiter fits whenever a later one does, so first come, first served means: the waiters with
 * an offer are the first ones to join, and the k-th to join got the k-th offer made.
 *
 * @param matched each offer whose seats were all freed by the releases, with the release that freed the last of them
 * @param unmatched offers with a seat no successful release freed
 * @param inversions pairs of offered waiters where the later one to join got its offer strictly earlier
 * @param skipped waiters without an offer who joined before a waiter with one
 * @param doubleOffered seats in two offers
 * @param seatsFreed seats of the successful releases
 * @param expectedOffers {@code min(waiters, seatsFreed / seatCount)}
 */
record WaitingLineCheck(List<Matched> matched, List<Offer> unmatched, long inversions, List<String> inversionExamples,
        List<Integer> skipped, List<String> doubleOffered, int seatsFreed, int expectedOffers, int offers,
        int waiters) {

    /**
     * One successful release of a hold.
     *
     * @param holder which holder released it (0-based)
     * @param sentNanos {@link System#nanoTime()} when the {@code DELETE} was sent: the release's time, as the
     *        waiting system test measures it
     * @param answeredNanos when its answer had been read
     */
    record Release(int holder, String holdId, List<String> seatIds, long sentNanos, long answeredNanos) {

        Release {
            seatIds = List.copyOf(seatIds);
        }
    }

    /**
     * An offer as its waiter saw it.
     *
     * @param waiter the waiter's place in the order of joining (0 = first to join)
     * @param madeAt the offer's {@code expiresAt}: when the platform made it, plus the hold's life
     * @param seenNanos {@link System#nanoTime()} when the long poll that answered {@code OFFERED} had been read
     */
    record Offer(int waiter, String holdId, List<String> seatIds, Instant madeAt, long seenNanos) {

        Offer {
            seatIds = List.copyOf(seatIds);
        }
    }

    /** An offer and the release that freed the last of its seats; latency from that release to the waiter. */
    record Matched(Offer offer, Release release) {

        long latencyNanos() {
            return offer.seenNanos() - release.sentNanos();
        }
    }

    private static final int EXAMPLES = 5;

    WaitingLineCheck {
        matched = List.copyOf(matched);
        unmatched = List.copyOf(unmatched);
        inversionExamples = List.copyOf(inversionExamples);
        skipped = List.copyOf(skipped);
        doubleOffered = List.copyOf(doubleOffered);
    }

    /**
     * @param waiters how many waiters joined
     * @param seatCount the seats each waiter asked for (the same for all)
     * @param releases the successful releases
     * @param offers every offer the waiters saw, at most one per waiter
     */
    static WaitingLineCheck of(int waiters, int seatCount, List<Release> releases, List<Offer> offers) {
        Map<String, Release> freedBy = new HashMap<>();
        int seatsFreed = 0;
        for (Release release : releases) {
            for (String seat : release.seatIds()) {
                freedBy.put(seat, release);
            }
            seatsFreed += release.seatIds().size();
        }

        List<Matched> matched = new ArrayList<>();
        List<Offer> unmatched = new ArrayList<>();
        Map<String, Integer> offeredTo = new HashMap<>();
        TreeSet<String> doubleOffered = new TreeSet<>();
        for (Offer offer : offers) {
            Release last = null;
            for (String seat : offer.seatIds()) {
                Integer other = offeredTo.putIfAbsent(seat, offer.waiter());
                if (other != null && other != offer.waiter()) {
                    doubleOffered.add(seat);
                }
                Release release = freedBy.get(seat);
                if (release == null) {
                    last = null;
                    break;
                }
                if (last == null || release.sentNanos() - last.sentNanos() > 0) {
                    last = release;
                }
            }
            if (last == null) {
                unmatched.add(offer);
            }
            else {
                matched.add(new Matched(offer, last));
            }
        }

        List<Offer> byJoining = offers.stream().sorted(Comparator.comparingInt(Offer::waiter)).toList();
        long inversions = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < byJoining.size(); i++) {
            for (int j = i + 1; j < byJoining.size(); j++) {
                Offer earlier = byJoining.get(i);
                Offer later = byJoining.get(j);
                if (later.madeAt().isBefore(earlier.madeAt())) {
                    inversions++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(String.format(Locale.ROOT, "waiter %d (joined %s) was offered %s at %s, before "
                                + "waiter %d (joined %s) was offered %s at %s", later.waiter() + 1,
                                ordinal(later.waiter() + 1), later.seatIds(), later.madeAt(), earlier.waiter() + 1,
                                ordinal(earlier.waiter() + 1), earlier.seatIds(), earlier.madeAt()));
                    }
                }
            }
        }

        List<Integer> skipped = new ArrayList<>();
        if (!byJoining.isEmpty()) {
            boolean[] offered = new boolean[Math.max(waiters, byJoining.getLast().waiter() + 1)];
            byJoining.forEach(offer -> offered[offer.waiter()] = true);
            for (int waiter = 0; waiter < byJoining.getLast().waiter(); waiter++) {
                if (!offered[waiter]) {
                    skipped.add(waiter);
                }
            }
        }
        int expected = Math.min(waiters, seatsFreed / seatCount);
        return new WaitingLineCheck(matched, unmatched, inversions, examples, skipped, List.copyOf(doubleOffered),
                seatsFreed, expected, offers.size(), waiters);
    }

    boolean passed() {
        return unmatched.isEmpty() && inversions == 0 && skipped.isEmpty() && doubleOffered.isEmpty()
                && offers == expectedOffers;
    }

    /** The checks, one line each. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "offers: %,d of %,d expected (min(%,d waiters, %,d seats freed / seat "
                + "count))%s", offers, expectedOffers, waiters, seatsFreed,
                offers == expectedOffers ? "" : "  <-- WRONG"));
        lines.add(String.format(Locale.ROOT, "order: %,d inversions (a later waiter offered seats before an earlier "
                + "one, by the offers' expiresAt)%s", inversions, inversions == 0 ? "" : "  <-- WRONG"));
        inversionExamples.forEach(example -> lines.add("  " + example));
        lines.add(String.format(Locale.ROOT, "skipped: %,d waiters without an offer joined before a waiter with one%s",
                skipped.size(), skipped.isEmpty() ? "" : "  <-- WRONG: "
                        + skipped.stream().limit(EXAMPLES).map(waiter -> "waiter " + (waiter + 1)).toList()));
        lines.add(String.format(Locale.ROOT, "seats offered to two waiters: %,d%s", doubleOffered.size(),
                doubleOffered.isEmpty() ? "" : "  <-- WRONG: " + doubleOffered.stream().limit(EXAMPLES).toList()));
        lines.add(String.format(Locale.ROOT, "offers with a seat no release freed: %,d%s", unmatched.size(),
                unmatched.isEmpty() ? "" : "  <-- WRONG: " + unmatched.stream().limit(EXAMPLES)
                        .map(offer -> "waiter " + (offer.waiter() + 1) + " " + offer.seatIds()).toList()));
        return lines;
    }

    /** How many offers each release served: {@code 2 offers × 100 releases}. */
    static Map<Integer, Integer> offersPerRelease(List<Matched> matched, List<Release> releases) {
        Map<String, Integer> perHold = new HashMap<>();
        releases.forEach(release -> perHold.put(release.holdId(), 0));
        matched.forEach(match -> perHold.merge(match.release().holdId(), 1, Integer::sum));
        Map<Integer, Integer> histogram = new TreeMap<>();
        perHold.values().forEach(count -> histogram.merge(count, 1, Integer::sum));
        return histogram;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
