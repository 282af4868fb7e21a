package io.ticketing.waiting;

import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.StatusColumns;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.waiting.line.Entry;
import io.ticketing.waiting.room.Room;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitingApplicationIntegrationTest extends ServiceSmokeTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "waiting", Component.POSTGRES, Component.KAFKA);
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("waitlist_entry.status", Entry.Status.class, "waiting_room.status", Room.Status.class,
                "waitlist_entry.line_state", StatusColumns.type("io.ticketing.waiting.line.EntryRepository$LineState"));
    }
}
