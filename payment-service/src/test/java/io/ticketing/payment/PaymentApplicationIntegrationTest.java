package io.ticketing.payment;

import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.payment.payments.Payment;
import io.ticketing.testsupport.ServiceSmokeTests;
import io.ticketing.testsupport.StatusColumns;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentApplicationIntegrationTest extends ServiceSmokeTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "payment", Component.POSTGRES, Component.KAFKA);
    }

    @Override
    protected Map<String, Class<? extends Enum<?>>> statusColumns() {
        return Map.of("payment.status", Payment.Status.class,
                "refund.status", StatusColumns.type("io.ticketing.payment.payments.Refund$Status"));
    }
}
