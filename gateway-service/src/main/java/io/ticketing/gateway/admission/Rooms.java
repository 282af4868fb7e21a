package io.ticketing.gateway.admission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.gateway.PeriodicRefresh;
import reactor.core.publisher.Mono;

/**
 * The shows whose waiting room is on, as waiting-service last said, read every
 * {@code ticketing.gateway.admission.refresh-interval} (500 ms) by every gateway instance, so that checking a hold
 * costs a look-up in this instance's memory, never a call. Each read also reports the holds the gate let through
 * per room ({@link HoldTally}), from which waiting-service admits fewer customers when holding gets slow or fails.
 *
 * <p>Until the list has been read once since start, nobody here knows which holds need a token, and the gate refuses
 * holds rather than let an on-sale's crowd through an open door. After that, a waiting-service that does not answer
 * leaves the last list in force (logged once, and the age of the list is a gauge), and the holds counted meanwhile
 * are reported once it answers again.
 */
@Component
class Rooms extends PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(Rooms.class);

    private final RoomsClient client;
    /** The rooms on, by show; {@code null} until waiting-service has answered once. */
    private volatile Map<UUID, Room> rooms;
    /** {@link System#nanoTime()} of the last read. */
    private volatile long readAt;
    private volatile boolean failing;

    Rooms(RoomsClient client, AdmissionProperties properties, MeterRegistry registry) {
        super(properties.refreshInterval());
        this.client = client;
        Gauge.builder("ticketing.gateway.admission.rooms", this, Rooms::count)
                .description("Shows whose holds need an admission token, as last read from waiting-service "
                        + "(NaN until read once: holds are refused)")
                .register(registry);
        Gauge.builder("ticketing.gateway.admission.rooms.age", this, Rooms::age)
                .description("Time since the waiting rooms were last read from waiting-service (NaN until read once); "
                        + "the last list stays in force while it does not answer")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A show's waiting room that is on, with what its holds are counted by since the last accepted report. */
    record Room(UUID showId, long slowAfterMillis, HoldTally tally) {

        /** A hold of this show that reached the gateway at {@code arrivedNanos} was let through. */
        HoldTally.Hold begin(long arrivedNanos) {
            return tally.begin(arrivedNanos);
        }

        /** The hold was answered, {@code failed} with a 5xx status. */
        void answered(HoldTally.Hold hold, boolean failed) {
            tally.answered(hold, System.nanoTime() - hold.startedNanos() > slowAfterNanos(), failed);
        }

        private long slowAfterNanos() {
            return TimeUnit.MILLISECONDS.toNanos(slowAfterMillis);
        }
    }

    /** Whether the rooms have been read since start: until then, nobody here knows which holds need a token. */
    boolean known() {
        return rooms != null;
    }

    /** The room of {@code showId} if it is on, else {@code null}. */
    Room of(UUID showId) {
        Map<UUID, Room> known = rooms;
        return known == null ? null : known.get(showId);
    }

    /** Reports the holds counted per room and reads the rooms that are on now; a failure keeps both as they were. */
    @Override
    protected Mono<Void> refresh() {
        Map<UUID, Room> known = rooms;
        List<Room> reported = known == null ? List.of() : List.copyOf(known.values());
        reported.forEach(room -> room.tally().overdue(room.slowAfterNanos()));
        List<RoomsClient.ShowHolds> counts = reported.stream().map(room -> room.tally().count(room.showId())).toList();
        return client.gate(counts)
                .doOnNext(open -> {
                    for (int i = 0; i < reported.size(); i++) {
                        reported.get(i).tally().settle(counts.get(i));
                    }
                    read(open);
                })
                .then()
                .onErrorResume(error -> {
                    if (!failing) {
                        Map<UUID, Room> last = rooms;
                        if (last == null) {
                            log.warn("Cannot read the waiting rooms from waiting-service; holds are refused "
                                    + "(503 ADMISSION_UNAVAILABLE) until it answers: {}", error.toString());
                        }
                        else {
                            log.warn("Cannot read the waiting rooms from waiting-service; the last list ({} rooms) "
                                    + "stays in force and the holds let through are reported once it answers: {}",
                                    last.size(), error.toString());
                        }
                        failing = true;
                    }
                    return Mono.empty();
                });
    }

    /** The rooms on now, each keeping the tally it had if it was on before. */
    private void read(List<RoomsClient.OpenRoom> open) {
        Map<UUID, Room> before = rooms;
        Map<UUID, Room> now = new HashMap<>();
        for (RoomsClient.OpenRoom room : open) {
            Room was = before == null ? null : before.get(room.showId());
            now.put(room.showId(), new Room(room.showId(), room.slowAfterMillis(),
                    was == null ? new HoldTally() : was.tally()));
        }
        Map<UUID, Room> read = Map.copyOf(now);
        readAt = System.nanoTime();
        rooms = read;
        if (before == null || failing) {
            log.info("Read the waiting rooms from waiting-service ({} on)", now.size());
            failing = false;
        }
    }

    private double count() {
        Map<UUID, Room> known = rooms;
        return known == null ? Double.NaN : known.size();
    }

    private double age() {
        return rooms == null ? Double.NaN : (System.nanoTime() - readAt) / 1e9;
    }
}
