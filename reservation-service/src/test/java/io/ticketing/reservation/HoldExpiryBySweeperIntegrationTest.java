package io.ticketing.reservation;

import org.springframework.boot.test.context.SpringBootTest;

/** Expiry by the sweeper alone: this instance does not listen to Redis expiry notifications. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "ticketing.reservation.hold-ttl=PT2S", "ticketing.reservation.hold-grace=PT0.5S",
                "ticketing.reservation.expiry-notifications=false" })
class HoldExpiryBySweeperIntegrationTest extends HoldExpiryScenario {
}
