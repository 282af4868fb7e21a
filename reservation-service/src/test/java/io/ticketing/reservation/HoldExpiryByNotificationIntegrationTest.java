package io.ticketing.reservation;

import org.springframework.boot.test.context.SpringBootTest;

/** Expiry by Redis keyspace notifications alone: both sweepers wait an hour between runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ticketing.reservation.hold-ttl=PT2S", "ticketing.reservation.hold-grace=PT0.5S",
                "ticketing.reservation.sweep-interval=PT1H", "ticketing.reservation.record-sweep-interval=PT1H" })
class HoldExpiryByNotificationIntegrationTest extends HoldExpiryScenario {
}
