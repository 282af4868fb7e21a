package io.ticketing.notification;

import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.StatusColumns;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationApplicationIntegrationTest extends ServiceSmokeTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification", Component.POSTGRES, Component.KAFKA, Component.SMTP);
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("booking.status", StatusColumns.type("io.ticketing.notification.ticket.TicketRepository$Status"),
                "mail.status", StatusColumns.type("io.ticketing.notification.mail.Mail$Status"));
    }
}
