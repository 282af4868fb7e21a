package io.ticketing.starter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;

/**
 * Job leases on real PostgreSQL (the table from the starter's migrations), between instances played by several
 * {@link JobLeases} on one database: one holder at a time, handed over when the holder stops or dies.
 */
@SpringBootTest(classes = JobLeasesIntegrationTest.Service.class, properties = "spring.application.name=jobs-service")
class JobLeasesIntegrationTest {

    /** Leases of 600 ms at least: an instance asks again 200 ms after its last answer. */
    private static final Duration TERM = Duration.ofMillis(600);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "starter_jobs", Component.POSTGRES, Component.KAFKA);
    }

    /** A service with nothing of its own: the starter's tables. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    public static class Service {
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneInstanceAtATimeDoesAJobAndAnotherTakesItOverAtOnceWhenItStops() {
        String job = job();
        JobLeases first = instance("");
        JobLeases second = instance("");
        JobLease firsts = first.lease(job, Duration.ofMillis(100));
        JobLease seconds = second.lease(job, Duration.ofMillis(100));

        assertThat(firsts.held()).isTrue();
        assertThat(seconds.held()).as("held by the first").isFalse();
        assertThat(firsts.held()).isTrue();
        assertThat(holder(job)).isEqualTo(first.holder()).startsWith("test-service ");

        first.destroy();
        await().atMost(Duration.ofSeconds(5)).until(seconds::held);
        assertThat(holder(job)).isEqualTo(second.holder());
    }

    @Test
    void aDeadHoldersLeaseRunsOutAndItLearnsItLostTheJob() throws Exception {
        String job = job();
        JobLease dead = instance("").lease(job, Duration.ofMillis(100));
        AtomicInteger taken = new AtomicInteger();
        JobLease alive = instance("").lease(job, Duration.ofMillis(100));
        alive.whenTaken(taken::incrementAndGet);

        assertThat(dead.held()).isTrue();
        assertThat(alive.held()).isFalse();
        // the holder stops asking (a dead or paused instance): its lease lasts the minimum term
        Thread.sleep(TERM.toMillis() / 2);
        assertThat(alive.held()).as("half the term later, still refused").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(alive::held);
        assertThat(taken).as("told once that it took the job over").hasValue(1);

        assertThat(dead.held()).as("the old holder, awake again").isFalse();
        assertThat(alive.held()).isTrue();
        assertThat(taken).hasValue(1);
    }

    @Test
    void instancesOfAnotherScopeDoTheirJobsApart() {
        String job = job();
        JobLease ours = instance("").lease(job, Duration.ofMillis(100));
        JobLease another = instance("another-scope").lease(job, Duration.ofMillis(100));

        assertThat(ours.held()).isTrue();
        assertThat(another.held()).isTrue();
        assertThat(holders("another-scope/" + job)).isOne();
    }

    @Test
    void aLeaseLastsThreeOfItsJobsIntervalsAndNoLessThanTheMinimumTerm() {
        JobLeases leases = instance("");

        assertThat(leases.lease(job(), Duration.ofSeconds(10)).term()).isEqualTo(Duration.ofSeconds(30));
        assertThat(leases.lease(job(), Duration.ofMillis(100)).term()).isEqualTo(TERM);
    }

    @Test
    void anInstanceThatCannotReachTheDatabaseHoldsNothing() {
        var nowhere = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));
        JobLease lease = new JobLeases(nowhere, TERM, "", "test-service").lease(job(), TERM);

        assertThat(lease.held()).isFalse();
    }

    private JobLeases instance(String scope) {
        return new JobLeases(jdbc, TERM, scope, "test-service");
    }

    private String holder(String job) {
        return jdbc.sql("SELECT holder FROM job_lease WHERE job = ?").param(job).query(String.class).single();
    }

    private long holders(String job) {
        return jdbc.sql("SELECT count(*) FROM job_lease WHERE job = ?").param(job).query(Long.class).single();
    }

    private static String job() {
        return "job-" + UUID.randomUUID();
    }
}
