package io.ticketing.waiting.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a customer sees of their place, and when their page reads it again. */
class PlaceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final Duration NEAR_BY = LONG_POLL.dividedBy(2);
    private static final RoomProperties PROPERTIES = properties(100);

    @Test
    void aCrowdReadsAtTheRoomsRateEachPageAtRandomOverHalfToOneAndAHalfOfItsShare() {
        Duration admission = Duration.ofMinutes(60);
        Duration far = Duration.ofHours(1);

        assertThat(PROPERTIES.readAgain(10_000, 1, far, NEAR_BY, admission, 0)).isEqualTo(Duration.ofSeconds(50));
        assertThat(PROPERTIES.readAgain(10_000, 1, far, NEAR_BY, admission, 0.5)).as("100 a second").isEqualTo(
                Duration.ofSeconds(100));
        assertThat(PROPERTIES.readAgain(10_000, 1, far, NEAR_BY, admission, 1)).isEqualTo(Duration.ofSeconds(150));
        assertThat(PROPERTIES.readAgain(20, 1, far, NEAR_BY, admission, 0.5)).as("5 s at the least").isEqualTo(
                Duration.ofSeconds(5));
    }

    @Test
    void aRoomSlowedDownBecauseTheHoldPathIsSlowShedsItsCrowdsReadsToo() {
        Duration admission = Duration.ofMinutes(60);
        Duration far = Duration.ofHours(1);

        assertThat(PROPERTIES.readAgain(10_000, 0.5, far, NEAR_BY, admission, 0.5)).as("50 a second at half the rate")
                .isEqualTo(Duration.ofSeconds(200));
        assertThat(PROPERTIES.readAgain(1_000, 0.1, far, NEAR_BY, admission, 0.5)).as("10 a second at a tenth")
                .isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void aPageReadsAgainBeforeItsTurnMayComeAndWhileAnAdmissionWouldStillRun() {
        assertThat(PROPERTIES.readAgain(10_000, 0.1, Duration.ofHours(1), NEAR_BY, Duration.ofMinutes(2), 1))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(PROPERTIES.readAgain(10_000, 0.1, Duration.ofHours(1), NEAR_BY, Duration.ofMinutes(2), 0))
                .as("spread under that too: a crowd told the same wait would read again together")
                .isEqualTo(Duration.ofSeconds(40));
        assertThat(PROPERTIES.readAgain(10_000, 1, Duration.ofSeconds(42), NEAR_BY, Duration.ofMinutes(60), 1))
                .as("15 s before the soonest turn").isEqualTo(Duration.ofSeconds(27));
        assertThat(PROPERTIES.readAgain(10_000, 1, Duration.ofSeconds(27), NEAR_BY, Duration.ofMinutes(60), 1))
                .as("not sooner than 15 s: then within 15 s of it").isEqualTo(Duration.ofSeconds(15));
        assertThat(PROPERTIES.readAgain(20, 1, Duration.ofSeconds(27), NEAR_BY, Duration.ofMinutes(60), 0))
                .as("unless its share of a small crowd's spread is shorter").isEqualTo(Duration.ofMillis(2500));
        assertThat(PROPERTIES.readAgain(10_000, 1, NEAR_BY, NEAR_BY, Duration.ofMinutes(60), 1))
                .as("long-poll now").isEqualTo(Duration.ZERO);
        assertThat(PROPERTIES.readAgain(10_000, 1, Duration.ofSeconds(10), NEAR_BY, Duration.ofMinutes(60), 1))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void aWaitingPlaceIsReadAgainWhenItsTurnMayBeHalfALongPollAwayAtTheFastestAdmissionCanGo() {
        // 3,000 a minute configured (50 a second), slowed down to 300 (5) now: it gets 300 a minute back once its holds
        // were healthy for 5 s from the next whole second (6 s from now), then every 5 s, so it could be back at 3,000
        // 46 s from now, having admitted 1,130 by then
        Room slowedDown = room(Room.Status.OPEN, 3000, 300, 1000, 11_000);
        Place next = Place.of(place(1100, slowedDown), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5);
        assertThat(next.status()).isEqualTo(Place.Status.WAITING);
        assertThat(next.position()).isEqualTo(100);
        assertThat(next.etaSeconds()).as("at the rate now").isEqualTo(20);
        assertThat(next.readAgainSeconds()).as("12.3 s away at the soonest: long-poll now").isZero();
        Place near = Place.of(place(2000, slowedDown), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5);
        assertThat(near.readAgainSeconds()).as("905 admitted in 41 s, 95 more at 45 a second: 43.1 s away at the "
                + "soonest, 15 s before that").isEqualTo(28);
        Place far = Place.of(place(10_900, slowedDown), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5);
        assertThat(far.readAgainSeconds()).as("46 s recovering, then 8,770 at 50 a second: 221.4 s, 15 s before")
                .isEqualTo(206);

        Room atItsRate = room(Room.Status.OPEN, 3000, 3000, 1000, 11_000);
        assertThat(Place.of(place(1700, atItsRate), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5).readAgainSeconds())
                .as("700 ahead at 50 a second: long-poll now").isZero();
        Place farAtRate = Place.of(place(10_900, atItsRate), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5);
        assertThat(farAtRate.readAgainSeconds()).as("the crowd of 10,000 spread at 100 a second").isEqualTo(100);
    }

    @Test
    void aRoomThatDrainsAfterASlowdownAndStepsBackByQuartersNearTheRateThatWasSlowIsReadLessOften() {
        // slowed down from 1,500 a minute to 750 (of 3,000) now: its holds are judged from 5 s on (the customers let in
        // before drain meanwhile), so the first step comes 11 s from now, to 1,050; from 1,125 (three quarters of 1,500)
        // to 1,500, 75 at a time; then 300 again: 1,000 ahead are in by 50 s at the soonest (grown at once by 300 a
        // minute every 5 s, it would have been 33.9 s, and the page would have read again after 18 s)
        Room draining = new Room(UUID.randomUUID(), Room.Status.OPEN, NOW.minusSeconds(60), 3000, 60, 750, "slow",
                false, 1500.0, 0, 1000, 11_000, NOW, NOW, 0, 0, NOW.minusSeconds(60), null, NOW, NOW);
        assertThat(Admission.soonestTurn(draining, 1000, NOW, PROPERTIES).toMillis()).isEqualTo(49_958);
        assertThat(Place.of(place(2000, draining), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5).readAgainSeconds())
                .as("15 s before that").isEqualTo(34);
        assertThat(Admission.soonestTurn(draining, 1000, NOW.plusSeconds(20), PROPERTIES).toMillis())
                .as("20 s on, the first step overdue: taken to come at once, the same steps from then on")
                .isEqualTo(43_036);
    }

    @Test
    void aPageOfARoomThatStaysSlowReadsAgainNoSoonerThanHalfALongPollUntilItLongPolls() {
        // a room slowed down to a tenth of its 3,000 a minute stays there: each read, its page's soonest turn is
        // reckoned as if it got its rate back, and is further away than that read said
        int reads = 0;
        long seconds = 0;
        Place place = inRoomAtATenth(3000, 1000);
        while (place.readAgainSeconds() > 0) {
            assertThat(place.readAgainSeconds()).as("after %s reads", reads).isGreaterThanOrEqualTo(15);
            reads++;
            seconds += place.readAgainSeconds();
            place = inRoomAtATenth(3000, 1000 + seconds * 5);
        }
        assertThat(place.position()).as("long-polls %s s before its turn at the rate the room runs at",
                place.position() / 5).isLessThan(500);
    }

    @Test
    void aCrowdWaitingForTheOpeningSpreadsItsReadsAndLongPollsOnlyNearIt() {
        // 10,000 wait for an opening an hour away: each page reads again 50 to 150 s later (100 reads a second in
        // all), not every few seconds
        Place early = beforeOpening(10_000, Duration.ofHours(1), 0.5);
        assertThat(early.status()).isEqualTo(Place.Status.BEFORE_OPENING);
        assertThat(early.etaSeconds()).isEqualTo(3600);
        assertThat(early.readAgainSeconds()).isEqualTo(100);
        assertThat(beforeOpening(10_000, Duration.ofHours(1), 0).readAgainSeconds()).isEqualTo(50);
        assertThat(beforeOpening(10_000, Duration.ofHours(1), 1).readAgainSeconds()).isEqualTo(150);
        assertThat(beforeOpening(50, Duration.ofHours(1), 0.5).readAgainSeconds()).as("5 s at the least")
                .isEqualTo(5);

        // a page whose next read would come within 15 s of the opening, or after it, reads 5 to 10 s after it
        assertThat(beforeOpening(10_000, Duration.ofSeconds(90), 0.5).readAgainSeconds()).isEqualTo(97);
        assertThat(beforeOpening(10_000, Duration.ofSeconds(90), 0).readAgainSeconds()).as("50 s: before it")
                .isEqualTo(50);
        assertThat(beforeOpening(10_000, Duration.ofSeconds(60), 0).readAgainSeconds()).as("45 s before it")
                .isEqualTo(65);
        assertThat(beforeOpening(10_000, Duration.ofSeconds(60), 1).readAgainSeconds()).isEqualTo(70);

        // within 15 s of the opening, or past it while it is being drawn: long-poll, and hear of it at once
        assertThat(beforeOpening(10_000, Duration.ofSeconds(15), 0.5).readAgainSeconds()).isZero();
        assertThat(beforeOpening(10_000, Duration.ofSeconds(-1), 0.5).readAgainSeconds()).isZero();
    }

    @Test
    void aLongPollOverTheLimitBeforeTheOpeningIsToldToReadAgainAfterIt() {
        Place nearTheOpening = beforeOpening(10_000, Duration.ofSeconds(12), 0.5);
        assertThat(nearTheOpening.readAgainSeconds()).isZero();
        assertThat(nearTheOpening.refusedPoll(7).readAgainSeconds()).as("12 s to the opening, 7 after it")
                .isEqualTo(19);
        Place waiting = Place.of(place(1700, room(Room.Status.OPEN, 3000, 3000, 1000, 11_000)), 0, NOW, null,
                PROPERTIES, LONG_POLL, 0.5);
        assertThat(waiting.refusedPoll(7).readAgainSeconds()).as("after the opening: 7 s").isEqualTo(7);
    }

    @Test
    void placesThatNoLongerWaitAreNotReadAgain() {
        Room soldOut = room(Room.Status.SOLD_OUT, 6000, 6000, 10, 100);
        Place ended = Place.of(place(50L, soldOut), 0, NOW, null, PROPERTIES, LONG_POLL, 0.5);
        assertThat(ended.status()).isEqualTo(Place.Status.SOLD_OUT);
        assertThat(ended.readAgainSeconds()).isNull();
        assertThat(ended.refusedPoll(7).readAgainSeconds()).isNull();
    }

    @Test
    void aRoomWhoseCrowdWouldReadAtNoRateIsRefusedAtStartUp() {
        assertThatThrownBy(() -> properties(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads-per-second");
    }

    /**
     * A place among {@code crowd} waiting for a room of 6,000 a minute (4-minute admissions) that opens in {@code
     * untilOpening}.
     */
    private static Place beforeOpening(long crowd, Duration untilOpening, double jitter) {
        Room scheduled = new Room(UUID.randomUUID(), Room.Status.SCHEDULED, NOW.plus(untilOpening), 6000, 4, 6000,
                null, false, null, 0, 0, 0, null, null, 0, 0, null, null, NOW, NOW);
        return Place.of(place(null, scheduled), crowd, NOW, null, PROPERTIES, LONG_POLL, jitter);
    }

    private static RoomProperties properties(int readsPerSecond) {
        return new RoomProperties(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5, 0.01,
                0.01, Duration.ofSeconds(5), Duration.ofSeconds(1), 20, 3, 0.1, 0.1, 0.1, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 0.9, readsPerSecond, 1000);
    }

    private static Room room(Room.Status status, int configured, double effective, long admittedThrough,
            long lastRank) {
        return new Room(UUID.randomUUID(), status, NOW.minusSeconds(60), configured, 60, effective, null, false, null,
                0, admittedThrough, lastRank, NOW, NOW, 0, 0, NOW.minusSeconds(60), null, NOW, NOW);
    }

    private static TicketRepository.Place place(Long rank, Room room) {
        return new TicketRepository.Place(new Ticket(UUID.randomUUID(), room.showId(), UUID.randomUUID(),
                NOW.minusSeconds(120), 7, rank, null, null, null), room);
    }

    private static TicketRepository.Place place(long rank, Room room) {
        return place(Long.valueOf(rank), room);
    }

    /** The place ranked {@code rank} in a room of 11,000 slowed down to 300 of its 3,000 a minute. */
    private static Place inRoomAtATenth(long rank, long admittedThrough) {
        return Place.of(place(rank, room(Room.Status.OPEN, 3000, 300, admittedThrough, 11_000)), 0, NOW, null,
                PROPERTIES, LONG_POLL, 0.5);
    }
}
