package io.ticketing.waiting.room;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.ticketing.waiting.signals.DatabaseSignals;
import io.ticketing.waiting.signals.Watchers;

/**
 * Tells whoever watches a place in a waiting room (long polls, streams), on any instance, that its room changed in a
 * way that concerns it: admission announces every step ({@code show,status,admitted through}; {@link RoomRepository}),
 * and a watcher wakes only when its room's status changed or admission reached its rank. Ten thousand watchers of one
 * room so cost one notification per tick, and a read each only when their own answer changes. While nothing is
 * heard, watchers read their place every {@link DatabaseSignals#RETRY}.
 */
@Component
class RoomSignals implements DatabaseSignals.Subscriber {

    static final String CHANNEL = "waiting_room_changed";

    private final DatabaseSignals signals;
    private final Watchers<Watch> watches = new Watchers<>();

    RoomSignals(DatabaseSignals signals) {
        this.signals = signals;
        signals.subscribe(CHANNEL, this);
    }

    /** A watcher of one place. Start it before reading the place a last time; close it when done. */
    final class Watch implements AutoCloseable {

        private final UUID showId;
        private final Long rank;
        private final Room.Status status;
        private final Semaphore news = new Semaphore(0);

        private Watch(TicketRepository.Place place) {
            this.showId = place.room().showId();
            this.rank = place.ticket().rank();
            this.status = place.room().status();
        }

        /** Waits at most {@code timeout} (less while nothing is heard); whether the place may have changed. */
        boolean await(Duration timeout) {
            boolean heard = signals.listening();
            Duration wait = heard || timeout.compareTo(DatabaseSignals.RETRY) < 0 ? timeout : DatabaseSignals.RETRY;
            try {
                boolean told = news.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                news.drainPermits();
                return told || !heard;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        private void heard(Room.Status roomStatus, long admittedThrough) {
            if (roomStatus != status || rank != null && admittedThrough >= rank) {
                news.release();
            }
        }

        @Override
        public void close() {
            watches.remove(showId, this);
        }
    }

    Watch watch(TicketRepository.Place place) {
        Watch watch = new Watch(place);
        watches.add(place.room().showId(), watch);
        return watch;
    }

    @Override
    public void heard(String payload) {
        String[] parts = payload.split(",", -1);
        Room.Status status = Room.Status.valueOf(parts[1]);
        long admittedThrough = Long.parseLong(parts[2]);
        watches.ofShow(UUID.fromString(parts[0]), watch -> watch.heard(status, admittedThrough));
    }

    @Override
    public void missed() {
        watches.all(watch -> watch.news.release());
    }
}
