package io.ticketing.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * One seat map shared by many customers and kept current by one seat stream ({@link SeatStreamWatcher}): what each
 * arena customer would see on its own stream, without ten thousand copies of a 60,000-seat map in the load generator.
 * Only the stream writes; customers read it as it changes and pick seats side by side in a row, at a random place, as
 * {@link SeatPicker} does for a whole map, but a row at a time, so a pick costs a row, not the arena.
 */
final class LiveSeatMap {

    private final String[][] seatIds;
    private final boolean[][] aisleAfter;
    private final boolean[][] available;
    private final Map<String, int[]> places = new HashMap<>();
    private final AtomicInteger availableCount = new AtomicInteger();

    LiveSeatMap(SeatMapView view) {
        int rows = view.rows().size();
        seatIds = new String[rows][];
        aisleAfter = new boolean[rows][];
        available = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            List<SeatMapView.Seat> seats = view.rows().get(r).seats();
            seatIds[r] = new String[seats.size()];
            aisleAfter[r] = new boolean[seats.size()];
            available[r] = new boolean[seats.size()];
            for (int s = 0; s < seats.size(); s++) {
                SeatMapView.Seat seat = seats.get(s);
                seatIds[r][s] = seat.seatId();
                aisleAfter[r][s] = seat.aisleAfter();
                available[r][s] = seat.available();
                places.put(seat.seatId(), new int[] {r, s});
                if (seat.available()) {
                    availableCount.incrementAndGet();
                }
            }
        }
    }

    /** A seat's new status, from the stream (its only writer). */
    void set(String seatId, String status) {
        int[] place = places.get(seatId);
        if (place == null) {
            return;
        }
        boolean now = SeatMapView.AVAILABLE.equals(status);
        if (available[place[0]][place[1]] != now) {
            available[place[0]][place[1]] = now;
            availableCount.addAndGet(now ? 1 : -1);
        }
    }

    int availableCount() {
        return availableCount.get();
    }

    /**
     * Up to {@code count} available seats: side by side in a row when a few random rows have such a block, else in
     * the first row from a random one that has, else the available seats found first; none when sold out.
     */
    List<String> pick(int count, RandomGenerator random) {
        int rows = seatIds.length;
        for (int tries = 0; tries < 8; tries++) {
            List<String> block = block(random.nextInt(rows), count, random);
            if (!block.isEmpty()) {
                return block;
            }
        }
        int start = random.nextInt(rows);
        for (int i = 0; i < rows; i++) {
            List<String> block = block((start + i) % rows, count, random);
            if (!block.isEmpty()) {
                return block;
            }
        }
        List<String> scattered = new ArrayList<>();
        for (int i = 0; i < rows && scattered.size() < count; i++) {
            int r = (start + i) % rows;
            for (int s = 0; s < seatIds[r].length && scattered.size() < count; s++) {
                if (available[r][s]) {
                    scattered.add(seatIds[r][s]);
                }
            }
        }
        return scattered;
    }

    /** {@code count} seats side by side at a random place among those of the row that fit; none if no place fits. */
    private List<String> block(int row, int count, RandomGenerator random) {
        boolean[] free = available[row];
        List<Integer> starts = new ArrayList<>();
        int run = 0;
        for (int s = 0; s < free.length; s++) {
            run = free[s] && (run == 0 || !aisleAfter[row][s - 1]) ? run + 1 : (free[s] ? 1 : 0);
            if (run >= count) {
                starts.add(s - count + 1);
            }
        }
        if (starts.isEmpty()) {
            return List.of();
        }
        int first = starts.get(random.nextInt(starts.size()));
        List<String> seats = new ArrayList<>(count);
        for (int s = first; s < first + count; s++) {
            seats.add(seatIds[row][s]);
        }
        return seats;
    }
}
