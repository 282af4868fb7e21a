package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotedShowsTest {

    private final NotedShows shows = new NotedShows();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void forgetsALookedAtShowOnlyIfItDidNotChangeSince() {
        shows.note(first);
        long lookedAt = shows.now().get(first);

        shows.note(first);
        shows.forget(first, lookedAt);
        assertThat(shows.now()).containsOnlyKeys(first);

        shows.forget(first, shows.now().get(first));
        assertThat(shows.now()).isEmpty();
    }

    @Test
    void forgetsTheShowsNotNotedSinceThePreviousTime() {
        shows.note(first);
        shows.forgetUnchangedSinceLastTime();
        assertThat(shows.now()).as("noted since the (first) previous time").containsOnlyKeys(first);

        shows.note(second);
        shows.forgetUnchangedSinceLastTime();
        assertThat(shows.now()).as("the first not noted since").containsOnlyKeys(second);

        shows.note(first);
        shows.forgetUnchangedSinceLastTime();
        assertThat(shows.now()).containsOnlyKeys(first);

        shows.forgetUnchangedSinceLastTime();
        assertThat(shows.now()).isEmpty();
    }
}
