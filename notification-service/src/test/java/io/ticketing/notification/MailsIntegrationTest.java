package io.ticketing.notification;

import static io.ticketing.notification.CustomerEventsMother.confirmed;
import static io.ticketing.notification.CustomerEventsMother.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.events.IntegrationEvent;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.payment.PaymentRefunded;
import io.ticketing.events.waiting.WaitlistOffered;
import io.ticketing.localstack.infra.Ports;
import io.ticketing.notification.mail.Mails;
import io.ticketing.localstack.infra.SmtpServer;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.ShowScheduledMother;
import io.ticketing.testsupport.Meters;

/**
 * Every fact customers hear of by mail arrives at the (real) SMTP server once, in plain words, even when its event
 * is delivered twice: waiting-list offers, refunds and cancellations, and the gateway's sign-in codes; a mail the mail server refuses is sent once
 * it takes mails again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification", Component.POSTGRES, Component.KAFKA, Component.SMTP);
    }

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void offersHeldSeatsToAWaiterUntilTheHoldRunsOut() {
        ShowScheduled show = scheduled();
        String email = email();
        Instant expiresAt = Instant.now().plus(5, ChronoUnit.MINUTES);
        WaitlistOffered offer = CustomerEventsMother.offered(show, email, List.of("C7", "C8"), expiresAt);

        String text = Mailbox.text(deliveredTwiceMailedOnce(offer, email));

        assertThat(text).contains("holding them for you", "C7, C8", "Inception", "Hall 1", "Pay for them before",
                offer.holdId().toString());
    }

    @Test
    void tellsACustomerWhoseSeatsWereTakenThatTheMoneyIsBack() {
        String email = email();
        PaymentRefunded refund = CustomerEventsMother.refunded(scheduled(), email, "SEATS_TAKEN", new BigDecimal("27.5"));

        MimeMessage mail = deliveredTwiceMailedOnce(refund, email);

        assertThat(subject(mail)).isEqualTo("Your refund of 27.50 EUR");
        assertThat(Mailbox.text(mail)).contains("the seats had been taken by someone else",
                "Your money has been refunded in full: 27.50 EUR", refund.paymentId());
    }

    @Test
    void confirmsACancellationWithItsRefund() {
        String email = email();
        BookingConfirmed booking = confirmed(scheduled(), UUID.randomUUID(), email, List.of("A1", "A2"));
        events.send(booking);

        String text = Mailbox.text(deliveredTwiceMailedOnce(CustomerEventsMother.cancelled(booking, new BigDecimal("32.00")),
                email, "is cancelled"));

        assertThat(text).contains("your booking " + booking.bookingId() + " is cancelled", "A1, A2",
                "You get 32.00 EUR back", "Inception");
        assertThat(Mailbox.to(email)).as("the confirmation and the cancellation").hasSize(2);
    }

    @Test
    void mailsASignInCodeOnceAndKeepsNoCopyOfItOnceSent() {
        String email = email();
        var api = JsonApi.asGateway("http://127.0.0.1:" + port);
        Map<String, Object> code = Map.of("challengeId", UUID.randomUUID().toString(), "email", email, "code", "042917",
                "expiresAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString());
        double sentBefore = Meters.count("ticketing.mails", "kind", "sign_in_code", "outcome", "sent");

        assertThat(api.post("/internal/v1/sign-in-codes", code).status()).isEqualTo(202);
        assertThat(api.post("/internal/v1/sign-in-codes", code).status()).as("asked twice").isEqualTo(202);

        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 1);
        MimeMessage mail = Mailbox.to(email).getFirst();
        assertThat(subject(mail)).isEqualTo("Your sign-in code: 042917");
        assertThat(Mailbox.text(mail)).contains("042917", "valid for 10 minutes");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM mail WHERE recipient = ? AND status = 'SENT'", email) == 1);
        assertThat(count("SELECT count(*) FROM mail WHERE recipient = ? AND (body LIKE '%042917%' OR subject LIKE '%042917%')",
                email)).isZero();
        // asked twice, recorded once (the second finds the first), and that one sent: nothing else can ever be sent
        assertThat(count("SELECT count(*) FROM mail WHERE recipient = ?", email)).isEqualTo(1);
        assertThat(Mailbox.to(email)).hasSize(1);
        assertThat(Meters.count("ticketing.mails", "kind", "sign_in_code", "outcome", "sent")).isEqualTo(sentBefore + 1);
    }

    @Test
    void refusesAMalformedSignInCodeAndMailsNothing() {
        String email = email();
        var api = JsonApi.asGateway("http://127.0.0.1:" + port);
        var refused = api.post("/internal/v1/sign-in-codes", Map.of("challengeId", UUID.randomUUID().toString(),
                "email", email, "code", "12ab56", "expiresAt", Instant.now().plusSeconds(600).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(count("SELECT count(*) FROM mail WHERE recipient = ?", email)).isZero();
    }

    @Test
    void mailsNothingForAFactWithoutAnAddress() {
        ShowScheduled show = scheduled();
        WaitlistOffered offer = CustomerEventsMother.offered(show, null, List.of("D1"), Instant.now().plusSeconds(300));
        events.send(offer);

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", offer.eventId()) == 1);
        assertThat(count("SELECT count(*) FROM mail WHERE reference = ?", offer.entryId().toString())).isZero();
    }

    @Test
    void keepsTryingAMailUntilTheMailServerTakesIt() throws Exception {
        int port = Ports.freePort();
        String email = email();
        try (var instance = instanceMailingTo(port)) {
            JdbcClient database = instance.getBean(JdbcClient.class);
            MeterRegistry meters = instance.getBean(MeterRegistry.class);
            instance.getBean(Mails.class).waitlistOffered(CustomerEventsMother.offered(ShowScheduledMother.show(1, 1),
                    email, List.of("E1"), Instant.now().plusSeconds(300)));
            await().atMost(WAIT).until(() -> database.sql("SELECT count(*) FROM mail WHERE recipient = ? AND attempts >= 2 "
                    + "AND status = 'PENDING' AND last_error IS NOT NULL").param(email).query(Integer.class).single() == 1);
            // its own database: the one mail is the whole backlog, counted again at most every 5 s
            await().atMost(WAIT).until(() -> pending(meters) == 1);
            assertThat(mails(meters, "failed")).isGreaterThanOrEqualTo(2);
            assertThat(mails(meters, "sent")).isZero();

            Path mailbox = Files.createTempDirectory("retried-mail-");
            try (var smtp = new SmtpServer(mailbox, port)) {
                smtp.start();
                await().atMost(WAIT).until(() -> smtp.messages().size() == 1);
                assertThat(Files.readString(smtp.messages().getFirst())).contains(email);
            }
            assertThat(database.sql("SELECT status FROM mail WHERE recipient = ?").param(email).query(String.class)
                    .single()).isEqualTo("SENT");
            int attempts = database.sql("SELECT attempts FROM mail WHERE recipient = ?").param(email)
                    .query(Integer.class).single();
            await().atMost(WAIT).until(() -> mails(meters, "sent") == 1);
            assertThat(mails(meters, "failed")).as("every attempt but the last").isEqualTo(attempts - 1);
            await().atMost(WAIT).until(() -> pending(meters) == 0);
        }
    }

    private static double pending(MeterRegistry meters) {
        return meters.get("ticketing.mails.pending").gauge().value();
    }

    private static double mails(MeterRegistry meters, String outcome) {
        return meters.get("ticketing.mails").tags("kind", "waitlist_offered", "outcome", outcome).counter().count();
    }

    /**
     * Another notification-service with a database of its own and no listeners (it mails only what the test gives
     * it), whose mail server is down until the test starts one on {@code smtpPort}; it retries every second.
     */
    private static ConfigurableApplicationContext instanceMailingTo(int smtpPort) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ticketing.mail.port=" + smtpPort,
                "--ticketing.notification.mail.first-retry-after=PT1S", "--ticketing.notification.mail.max-retry-after=PT1S",
                "--spring.kafka.listener.auto-startup=false"));
        TestInfrastructure.register((name, value) -> args.add("--" + name + "=" + value.get()), "notification_retry",
                Component.POSTGRES, Component.KAFKA);
        return new SpringApplicationBuilder(NotificationApplication.class).run(args.toArray(String[]::new));
    }

    /** Sends the event twice and returns the one mail it made (whose subject contains {@code subject}). */
    private MimeMessage deliveredTwiceMailedOnce(IntegrationEvent event, String email, String subject) {
        events.send(event);
        events.send(event);

        await().atMost(WAIT).until(() -> mails(email, subject).size() == 1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM mail WHERE recipient = ? AND status = 'PENDING'",
                email) == 0);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", event.eventId())).isEqualTo(1);
        assertThat(mails(email, subject)).hasSize(1);
        return mails(email, subject).getFirst();
    }

    private MimeMessage deliveredTwiceMailedOnce(IntegrationEvent event, String email) {
        return deliveredTwiceMailedOnce(event, email, "");
    }

    private static List<MimeMessage> mails(String email, String subject) {
        return Mailbox.to(email).stream().filter(mail -> subject(mail).contains(subject)).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    private ShowScheduled scheduled() {
        ShowScheduled show = ShowScheduledMother.show(4, 10);
        events.send(show);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM show_summary WHERE show_id = ?", show.showId()) == 1);
        return show;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
