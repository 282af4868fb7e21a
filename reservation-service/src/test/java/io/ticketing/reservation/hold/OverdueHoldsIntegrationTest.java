package io.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * The record sweep asks PostgreSQL every few seconds for holds still open after their lease: that must read the
 * partial index of open holds, not every hold ever taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OverdueHoldsIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reservation", Component.POSTGRES, Component.KAFKA, Component.REDIS);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionOperations transactions;

    @Test
    void theOverdueHoldsQueryReadsTheIndexOfOpenHolds() {
        String plan = transactions.execute(tx -> {
            // whatever the table's size today: could the planner use an index at all?
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + HoldRepository.OVERDUE)
                    .params(OffsetDateTime.now(ZoneOffset.UTC), 200).query(String.class).list());
        });

        assertThat(plan).contains("hold_open_idx").doesNotContain("Seq Scan");
    }
}
