package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How a benchmark customer chooses seats: side by side in one row when the map has such a block, at a random
 * place among all the places that fit, so that hundreds of customers looking at the same map spread out a little
 * but still collide as real ones do. When no block is long enough, the longest blocks are combined.
 */
public final class SeatPicker {

    private SeatPicker() {
    }

    /** @return up to {@code count} available seat ids; fewer only when fewer are available, none when sold out */
    public static List<String> pick(SeatMapView view, int count, RandomGenerator random) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one seat, not " + count);
        }
        List<List<String>> blocks = blocks(view);
        int places = 0;
        for (List<String> block : blocks) {
            places += Math.max(0, block.size() - count + 1);
        }
        if (places > 0) {
            int place = random.nextInt(places);
            for (List<String> block : blocks) {
                int here = Math.max(0, block.size() - count + 1);
                if (place < here) {
                    return List.copyOf(block.subList(place, place + count));
                }
                place -= here;
            }
        }
        // no block is long enough: the longest first (ties in map order), until enough
        List<List<String>> longestFirst = new ArrayList<>(blocks);
        longestFirst.sort(Comparator.comparingInt((List<String> block) -> block.size()).reversed());
        List<String> seats = new ArrayList<>();
        for (List<String> block : longestFirst) {
            for (String seat : block) {
                if (seats.size() == count) {
                    return List.copyOf(seats);
                }
                seats.add(seat);
            }
        }
        return List.copyOf(seats);
    }

    /** Runs of available seats side by side: same row, consecutive numbers, no aisle between them. */
    static List<List<String>> blocks(SeatMapView view) {
        List<List<String>> blocks = new ArrayList<>();
        for (SeatMapView.Row row : view.rows()) {
            List<String> block = new ArrayList<>();
            SeatMapView.Seat previous = null;
            for (SeatMapView.Seat seat : row.seats()) {
                boolean adjacent = previous != null && previous.available() && !previous.aisleAfter()
                        && seat.number() == previous.number() + 1;
                if (!seat.available() || !adjacent) {
                    if (!block.isEmpty()) {
                        blocks.add(block);
                    }
                    block = new ArrayList<>();
                }
                if (seat.available()) {
                    block.add(seat.seatId());
                }
                previous = seat;
            }
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
