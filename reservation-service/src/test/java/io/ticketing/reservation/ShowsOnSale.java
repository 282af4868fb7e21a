package io.ticketing.reservation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;

/** Puts a show on sale as catalog-service does (ShowScheduled on Kafka) and waits until this service has it. */
final class ShowsOnSale {

    private ShowsOnSale() {
    }

    static ShowScheduled onSale(JdbcClient jdbc, int rows, int seatsPerRow) {
        ShowScheduled show = ShowScheduledMother.show(rows, seatsPerRow);
        EventProducer.shared().send(show);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM seating_plan WHERE show_id = ?")
                .param(show.showId()).query(Integer.class).single() == 1);
        return show;
    }
}
