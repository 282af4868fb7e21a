package io.ticketing.waiting.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.waiting.signals.DatabaseSignals;

/** What a watcher of a waiting entry learns from the line's change notifications. */
class LineSignalsTest {

    private static final Duration NO_WAIT = Duration.ofMillis(5);

    private final LineSignals signals = new LineSignals(new DatabaseSignals(null));
    private final UUID show = UUID.randomUUID();
    private final Entry mine = entry(show, 5);

    @Test
    void anEntryAheadThatStopsWaitingMovesTheWatcherUp() {
        try (var watch = signals.watch(mine)) {
            signals.heard(change(UUID.randomUUID(), 3, "WAITING", "OFFERED"));
            signals.heard(change(UUID.randomUUID(), 4, "WAITING", "CANCELLED"));

            var news = watch.await(NO_WAIT);

            assertThat(news.aheadLeft()).isEqualTo(2);
            assertThat(news.ownStatus()).isFalse();
            assertThat(watch.await(NO_WAIT).aheadLeft()).as("told once").isZero();
        }
    }

    @Test
    void changesBehindTheWatcherOrOfEntriesNoLongerWaitingDoNotMoveIt() {
        try (var watch = signals.watch(mine)) {
            signals.heard(change(UUID.randomUUID(), 7, "WAITING", "OFFERED"));
            signals.heard(change(UUID.randomUUID(), 8, "", "WAITING"));
            signals.heard(change(UUID.randomUUID(), 2, "OFFERED", "CANCELLED"));
            signals.heard(UUID.randomUUID() + "," + UUID.randomUUID() + ",1,WAITING,OFFERED");

            assertThat(watch.await(NO_WAIT).aheadLeft()).isZero();
        }
    }

    @Test
    void theWatchersOwnEntryChangingIsToldAsSuch() {
        try (var watch = signals.watch(mine)) {
            signals.heard(change(mine.entryId(), 5, "WAITING", "OFFERED"));

            assertThat(watch.await(NO_WAIT).ownStatus()).isTrue();
        }
    }

    @Test
    void aClosedWatchHearsNothingMore() {
        var watch = signals.watch(mine);
        watch.close();

        signals.heard(change(mine.entryId(), 5, "WAITING", "OFFERED"));

        assertThat(watch.await(NO_WAIT).ownStatus()).isFalse();
    }

    private String change(UUID entryId, long joinedSeq, String oldStatus, String newStatus) {
        return show + "," + entryId + "," + joinedSeq + "," + oldStatus + "," + newStatus;
    }

    private static Entry entry(UUID show, long joinedSeq) {
        return new Entry(UUID.randomUUID(), show, Entry.Status.WAITING, 3, 1, Instant.now().plusSeconds(3600), null,
                UUID.randomUUID(), null, joinedSeq);
    }
}
