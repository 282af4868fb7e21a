package io.ticketing.starter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.identity.CallerSignatures;
import io.ticketing.starter.deadletter.DeadLetterMetrics;
import io.ticketing.starter.deadletter.DeadLetterRecoverer;
import io.ticketing.starter.deadletter.DeadLetters;
import io.ticketing.starter.deadletter.web.DeadLetterController;
import io.ticketing.starter.jobs.JobLeases;
import io.ticketing.starter.messaging.ConsumerFailures;
import io.ticketing.starter.messaging.EventInbox;
import io.ticketing.starter.messaging.EventTraceContexts;
import io.ticketing.starter.messaging.InboxPruner;
import io.ticketing.starter.messaging.KafkaEventForwarder;
import io.ticketing.starter.messaging.KnownOutboxDatabase;
import io.ticketing.starter.messaging.OutboxCompletions;
import io.ticketing.starter.messaging.OutboxMetrics;
import io.ticketing.starter.messaging.OutboxResubmitter;
import io.ticketing.starter.client.InternalCaller;
import io.ticketing.starter.client.InternalClients;
import io.ticketing.starter.web.CallerVerification;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.starter.web.CurrentCustomerEmail;
import io.ticketing.starter.web.CurrentCustomerResolver;
import io.ticketing.starter.web.ProblemDetailsAdvice;
import io.ticketing.starter.web.RequestIdFilter;
import io.ticketing.starter.web.StrictJson;
import tools.jackson.databind.json.JsonMapper;

/** Wires the shared runtime into every service that has this starter on its classpath. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration", afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@EnableScheduling
@EnableAsync
public class ServiceAutoConfiguration {

    /** The time every service decides by; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Scheduled tasks, on platform or virtual threads, log a database away as a warning (see the handler). */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTaskFailures() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledTaskFailures());
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer virtualScheduledTaskFailures() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledTaskFailures());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Verifies and makes the signatures of calls between the gateway and the services. */
    @Bean
    CallerSignatures callerSignatures(@Value("${ticketing.internal.secret}") String secret) {
        return new CallerSignatures(secret);
    }

    /** This service when it calls another's internal endpoints: signed, timed and traced. */
    @Bean
    InternalCaller internalCaller(@Value("${spring.application.name}") String name, CallerSignatures signatures,
            Clock clock, ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new InternalCaller(name, signatures, clock, meters.getIfAvailable(SimpleMeterRegistry::new),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** The clients of other services' internal endpoints, on Spring Boot's builder (JSON mapper, observation). */
    @Bean
    InternalClients internalClients(InternalCaller caller, RestClient.Builder restClients) {
        return new InternalClients(caller, restClients);
    }

    /** Right after the request id: nothing reads an identity header of a request that is not the platform's own. */
    @Bean
    FilterRegistrationBean<CallerVerification> callerVerification(CallerSignatures signatures, Clock clock) {
        var registration = new FilterRegistrationBean<>(new CallerVerification(signatures, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The customer's identity comes from the gateway's headers, never from the client: the parameters carrying it
     * are left out of the published API.
     */
    @Bean
    WebMvcConfigurer currentCustomerArguments() {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentCustomer.class, CurrentCustomerEmail.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentCustomerResolver());
            }
        };
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Scheduled jobs are not observed: the sweepers, the outbox's resubmission, the line's serving and the mail delivery
     * run every second or so in every service, and a trace each would bury the customers' requests, at a cost on every
     * run. An event such a job sends starts a trace of its own at the send; the jobs' failures are logged
     * ({@link ScheduledTaskFailures}) and their effects counted by the business meters.
     */
    @Bean
    ObservationPredicate unobservedScheduledTasks() {
        return (name, context) -> !(context instanceof ScheduledTaskObservationContext);
    }

    /** Nor are the probes' and Prometheus's requests to the actuator, several a second: neither traced nor timed. */
    @Bean
    ObservationPredicate unobservedActuator() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }

    @Bean
    EventTraceContexts eventTraceContexts(ObjectProvider<ObservationRegistry> observations) {
        return new EventTraceContexts(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    KafkaEventForwarder kafkaEventForwarder(KafkaOperations<String, String> kafka, JsonMapper json,
            EventTraceContexts traces) {
        return new KafkaEventForwarder(kafka, json, traces);
    }

    /** Completed outbox rows deleted in groups, without Modulith's {@code PROCESSING} mark (see the class). */
    @Bean
    @ConditionalOnProperty(name = "spring.modulith.events.completion-mode", havingValue = "delete")
    static OutboxCompletions outboxCompletions() {
        return new OutboxCompletions();
    }

    @Bean
    static KnownOutboxDatabase knownOutboxDatabase() {
        return new KnownOutboxDatabase();
    }

    /** Which instance does each scheduled job that every instance schedules (see the class). */
    @Bean
    JobLeases jobLeases(JdbcClient jdbc, @Value("${ticketing.jobs.minimum-lease-term:PT6S}") Duration minimumTerm,
            @Value("${ticketing.jobs.lease-scope:}") String scope,
            @Value("${spring.application.name}") String service) {
        return new JobLeases(jdbc, minimumTerm, scope, service);
    }

    @Bean
    OutboxResubmitter outboxResubmitter(IncompleteEventPublications publications, JdbcClient jdbc, Clock clock,
            @Value("${ticketing.outbox.resubmit-after:PT30S}") Duration resubmitAfter,
            @Value("${ticketing.outbox.abandoned-after:PT2M}") Duration abandonedAfter, JobLeases leases,
            @Value("${ticketing.outbox.resubmit-interval:PT10S}") Duration interval) {
        return new OutboxResubmitter(publications, jdbc, clock, resubmitAfter, abandonedAfter,
                leases.lease("outbox-resubmission", interval));
    }

    /**
     * The outbox's backlog and the age of its oldest event (every service has an outbox: its table comes with the
     * starter's migrations), counted at most once per {@code ticketing.metrics.query-interval} however often scraped.
     */
    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc, Clock clock,
            @Value("${ticketing.metrics.query-interval:PT5S}") Duration interval) {
        return new OutboxMetrics(jdbc, clock, interval);
    }

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, TransactionOperations transactions) {
        return new EventInbox(jdbc, transactions);
    }

    @Bean
    InboxPruner inboxPruner(JdbcClient jdbc, @Value("${ticketing.inbox.retention:P14D}") Duration retention,
            Clock clock, JobLeases leases, @Value("${ticketing.inbox.prune-interval:PT1H}") Duration interval) {
        return new InboxPruner(jdbc, retention, clock, leases.lease("inbox-pruning", interval));
    }

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, TransactionOperations transactions, KafkaOperations<String, String> kafka,
            JsonMapper json, Clock clock) {
        return new DeadLetters(jdbc, transactions, kafka, json, clock);
    }

    /** The dead letters waiting for an operator, counted like the outbox's backlog. */
    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters,
            @Value("${ticketing.metrics.query-interval:PT5S}") Duration interval) {
        return new DeadLetterMetrics(deadLetters, interval);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    /**
     * The error handler of every Kafka listener (Spring Boot puts it on the listener container factory): transient
     * failures are retried with backoff for as long as they last, events that can never be applied are dead letters.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(@Value("${spring.application.name}") String service,
            KafkaOperations<String, String> kafka, DeadLetters deadLetters, JsonMapper json,
            ObjectProvider<MeterRegistry> meters,
            @Value("${ticketing.events.retry.first-interval:PT0.5S}") Duration firstInterval,
            @Value("${ticketing.events.retry.max-interval:PT10S}") Duration maxInterval) {
        return ConsumerFailures.handler(new DeadLetterRecoverer(service, kafka, deadLetters, json, meters.getIfAvailable()),
                firstInterval, maxInterval);
    }

    /**
     * Batch listeners ({@code containerFactory = ConsumerFailures.BATCH_LISTENERS}): a poll's records at once, so that a
     * consumer can apply a burst of events in one transaction; else as Spring Boot's {@code spring.kafka.listener.*}
     * properties say, with the error handler above: a failed batch is retried with backoff for as long as it takes,
     * a record that can never be applied ({@link ConsumerFailures#applyReadable}) is a dead letter. Their consumers
     * fetch at most every 100 ms while fewer than 64 KB of events wait: in a rush a fetch brings a batch instead of
     * one event (one wake-up of the broker and the consumer per fetch), and a quiet topic's event waits up to 100 ms.
     * Other listeners keep Kafka's defaults (an event is fetched as soon as it arrives; an idle fetch every 500 ms).
     * Built on Spring Boot's consumer factory, so its consumers' metrics (lag among them) are bound like the others'.
     */
    @Bean(ConsumerFailures.BATCH_LISTENERS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        // after the listener's own properties (@KafkaListener(properties = ...)) are set, which replace the factory's
        factory.setContainerCustomizer(container -> {
            Properties properties = new Properties();
            properties.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
            properties.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
            Properties own = container.getContainerProperties().getKafkaConsumerProperties();
            own.stringPropertyNames().forEach(name -> properties.setProperty(name, own.getProperty(name)));
            container.getContainerProperties().setKafkaConsumerProperties(properties);
        });
        return factory;
    }
}
