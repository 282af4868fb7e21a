package io.ticketing.notification;

import static io.ticketing.notification.CustomerEventsMother.confirmed;
import static io.ticketing.notification.CustomerEventsMother.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.ticketing.events.Topics;
import io.ticketing.events.booking.BookingConfirmed;
import io.ticketing.events.catalog.ShowScheduled;
import io.ticketing.events.notification.TicketsIssued;
import io.ticketing.notification.ticket.TicketCode;
import io.ticketing.notification.ticket.TicketCodes;
import io.ticketing.testsupport.GatewayIdentity;
import io.ticketing.testsupport.JsonApi;
import io.ticketing.testsupport.TestInfrastructure;
import io.ticketing.testsupport.TestInfrastructure.Component;
import io.ticketing.testsupport.events.EventProducer;
import io.ticketing.testsupport.events.EventRecorder;
import io.ticketing.testsupport.events.ShowScheduledMother;
import io.ticketing.testsupport.Meters;

/**
 * E-tickets on real PostgreSQL, Kafka and SMTP: one signed ticket per seat, published once however often the booking
 * arrives; codes that verify with the published key and nothing forged that does; the PDF for its owner only; the
 * confirmation mail with the PDF attached, exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketsIntegrationTest {

    private static final EventRecorder ISSUED = EventRecorder.of(Topics.NOTIFICATION_TICKET_EVENTS);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventProducer events = EventProducer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification", Component.POSTGRES, Component.KAFKA, Component.SMTP);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesOneSignedTicketPerSeatThatVerifiesWithThePublishedKey() {
        ShowScheduled show = scheduled();
        BookingConfirmed booking = confirmed(show, UUID.randomUUID(), email(), List.of("A1", "A2", "B5"));

        events.send(booking);

        TicketsIssued issued = awaitTickets(booking);
        assertThat(issued.customerId()).isEqualTo(booking.customerId());
        assertThat(issued.showId()).isEqualTo(show.showId());
        assertThat(issued.tickets()).extracting(TicketsIssued.Ticket::seatId).containsExactly("A1", "A2", "B5");
        assertThat(issued.tickets()).extracting(TicketsIssued.Ticket::ticketId).doesNotHaveDuplicates();
        var key = api().get("/api/v1/tickets/public-key");
        assertThat(key.text("algorithm")).isEqualTo("Ed25519");
        assertThat(TicketCodes.publicKey(key.text("pem"))).isEqualTo(TicketCodes.publicKey(key.text("publicKey")));
        for (TicketsIssued.Ticket ticket : issued.tickets()) {
            assertThat(TicketCodes.verify(ticket.code(), TicketCodes.publicKey(key.text("publicKey"))))
                    .contains(new TicketCode(ticket.ticketId(), booking.bookingId(), show.showId(), ticket.seatId()));
            var verified = api().post("/api/v1/tickets/verify", Map.of("code", ticket.code()));
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.json().path("valid").asBoolean()).isTrue();
            assertThat(verified.text("ticketId")).isEqualTo(ticket.ticketId().toString());
            assertThat(verified.text("bookingId")).isEqualTo(booking.bookingId().toString());
            assertThat(verified.text("showId")).isEqualTo(show.showId().toString());
            assertThat(verified.text("seatId")).isEqualTo(ticket.seatId());
            assertThat(verified.json().path("cancelled").asBoolean()).isFalse();
        }
    }

    @Test
    void aTamperedOrForgedCodeIsNotValid() throws Exception {
        BookingConfirmed booking = confirmed(scheduled(), UUID.randomUUID(), null, List.of("C3"));
        events.send(booking);
        String code = awaitTickets(booking).tickets().getFirst().code();
        String[] parts = code.split("\\.");
        var otherSeat = new TicketCode(UUID.randomUUID(), booking.bookingId(), booking.showId(), "C4");
        String forged = TicketCodes.sign(otherSeat, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(otherSeat.payload()) + "."
                + parts[1];

        for (String invalid : List.of(tampered, forged, "not.aticket", code + "x")) {
            var verified = api().post("/api/v1/tickets/verify", Map.of("code", invalid));
            assertThat(verified.status()).as(invalid).isEqualTo(200);
            assertThat(verified.json().path("valid").asBoolean()).as(invalid).isFalse();
            assertThat(verified.json().has("ticketId")).isFalse();
        }
    }

    @Test
    void printsTheTicketsForTheirOwnerOnly() throws Exception {
        ShowScheduled show = scheduled();
        UUID ana = UUID.randomUUID();
        BookingConfirmed booking = confirmed(show, ana, null, List.of("A3", "A4"));
        events.send(booking);
        List<TicketsIssued.Ticket> tickets = awaitTickets(booking).tickets();

        var asAna = HttpRequest.newBuilder(URI.create(url("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf")));
        GatewayIdentity.headers(ana.toString(), null, null).forEach(asAna::header);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(asAna.build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        var printed = PrintedTickets.read(pdf.body());
        assertThat(printed.pages()).isEqualTo(2);
        assertThat(printed.text()).contains(show.movieTitle(), show.hallName(), "Seat A3", "Seat A4",
                tickets.getFirst().ticketId().toString());
        assertThat(printed.qrCodes()).containsExactly(tickets.get(0).code(), tickets.get(1).code());

        var someoneElse = customer(UUID.randomUUID()).get("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf");
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.isProblem()).isTrue();
        assertThat(someoneElse.text("code")).isEqualTo("BOOKING_NOT_FOUND");
        var asSomeoneElse = HttpRequest.newBuilder(URI.create(url("/api/v1/bookings/" + booking.bookingId()
                + "/tickets.pdf"))).header("Accept", "application/pdf");
        GatewayIdentity.headers(UUID.randomUUID().toString(), null, null).forEach(asSomeoneElse::header);
        HttpResponse<String> askingForAPdf = HttpClient.newHttpClient().send(asSomeoneElse.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(askingForAPdf.statusCode()).isEqualTo(404);
        assertThat(askingForAPdf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(customer(ana).get("/api/v1/bookings/" + UUID.randomUUID() + "/tickets.pdf").text("code"))
                .isEqualTo("BOOKING_NOT_FOUND");
        assertThat(api().get("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf").status()).isEqualTo(401);
        assertThat(customer(ana).get("/api/v1/bookings/not-a-uuid/tickets.pdf").status()).isEqualTo(400);
    }

    @Test
    void mailsTheConfirmationWithTheTicketsAttachedOnceHoweverOftenTheBookingArrives() {
        String email = email();
        BookingConfirmed booking = confirmed(scheduled(), UUID.randomUUID(), email, List.of("B1", "B2"));

        BookingConfirmed republished = CustomerEventsMother.republished(booking);
        double issuedBefore = Meters.count("ticketing.tickets.issued");
        events.send(booking);
        events.send(booking);
        events.send(republished);

        // the three arrive in order (one show, one partition): once the last is handled, so are the others
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?",
                republished.eventId()) == 1);
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 1);
        awaitTickets(booking);
        assertThat(count("SELECT count(*) FROM ticket WHERE booking_id = ?", booking.bookingId())).isEqualTo(2);
        await().atMost(WAIT).until(() -> Meters.count("ticketing.tickets.issued") >= issuedBefore + 2);
        assertThat(Meters.count("ticketing.tickets.issued")).as("one per seat, once").isEqualTo(issuedBefore + 2);
        assertThat(count("SELECT count(*) FROM mail WHERE reference = ? AND status = 'SENT' AND attempts = 1",
                booking.bookingId().toString())).isEqualTo(1);
        var mail = Mailbox.to(email).getFirst();
        assertThat(Mailbox.text(mail)).contains("your booking is confirmed", "B1, B2", "32.00 EUR",
                booking.bookingId().toString(), "Inception");
        var attachments = Mailbox.attachments(mail, "application/pdf");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.getFirst().fileName()).isEqualTo("tickets-" + booking.bookingId() + ".pdf");
        var printed = PrintedTickets.read(attachments.getFirst().bytes());
        assertThat(printed.text()).contains("Seat B1", "Seat B2");
        assertThat(printed.qrCodes()).allSatisfy(code -> assertThat(api().post("/api/v1/tickets/verify",
                Map.of("code", code)).json().path("valid").asBoolean()).isTrue());
        assertThat(ISSUED.events(TicketsIssued.class, event -> event.bookingId().equals(booking.bookingId())))
                .as("one set of tickets").hasSize(1);
        assertThat(Mailbox.to(email)).hasSize(1);
    }

    @Test
    void issuesTicketsButSendsNoMailWithoutAnAddress() {
        BookingConfirmed booking = confirmed(scheduled(), UUID.randomUUID(), null, List.of("A5"));

        events.send(booking);

        assertThat(awaitTickets(booking).tickets()).hasSize(1);
        assertThat(count("SELECT count(*) FROM mail WHERE reference = ?", booking.bookingId().toString())).isZero();
    }

    @Test
    void voidsACancelledBookingsTickets() {
        UUID ana = UUID.randomUUID();
        BookingConfirmed booking = confirmed(scheduled(), ana, null, List.of("D1"));
        events.send(booking);
        String code = awaitTickets(booking).tickets().getFirst().code();

        events.send(CustomerEventsMother.cancelled(booking, new BigDecimal("16.00")));
        double voidBefore = admissions("void");

        await().atMost(WAIT).until(() -> customer(ana).get("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf")
                .status() == 409);
        var refused = customer(ana).get("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf");
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("code")).isEqualTo("BOOKING_CANCELLED");
        var verified = api().post("/api/v1/tickets/verify", Map.of("code", code));
        assertThat(verified.json().path("valid").asBoolean()).as("still signed by us").isTrue();
        assertThat(verified.json().path("cancelled").asBoolean()).isTrue();
        var atTheDoor = scanner().post("/api/v1/tickets/" + awaitTickets(booking).tickets().getFirst().ticketId()
                + "/admit", Map.of("code", code));
        assertThat(atTheDoor.status()).isEqualTo(409);
        assertThat(atTheDoor.text("code")).isEqualTo("TICKET_VOID");
        assertThat(admissions("void")).isEqualTo(voidBefore + 1);
        assertThat(count("SELECT count(*) FROM ticket_admission")).as("nobody let in").isZero();
    }

    @Test
    void admitsATicketOnceThoughEightScannersScanItAtOnce() throws Exception {
        ShowScheduled show = scheduled();
        BookingConfirmed booking = confirmed(show, UUID.randomUUID(), null, List.of("E1", "E2"));
        events.send(booking);
        TicketsIssued.Ticket ticket = awaitTickets(booking).tickets().getFirst();
        String admit = "/api/v1/tickets/" + ticket.ticketId() + "/admit";
        double admittedBefore = admissions("admitted");
        double alreadyBefore = admissions("already_admitted");

        List<Future<JsonApi.Response>> scans = new ArrayList<>();
        try (ExecutorService scanners = Executors.newFixedThreadPool(8)) {
            for (int gate = 1; gate <= 8; gate++) {
                Map<String, Object> scan = Map.of("code", ticket.code(), "showId", show.showId().toString(),
                        "gate", "Gate " + gate);
                scans.add(scanners.submit(() -> scanner().post(admit, scan)));
            }
        }
        List<JsonApi.Response> answers = new ArrayList<>();
        for (var scan : scans) {
            answers.add(scan.get());
        }

        var admitted = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(admitted).as("exactly one scan lets the ticket in").hasSize(1);
        assertThat(admitted.getFirst().text("seatId")).isEqualTo("E1");
        String gate = admitted.getFirst().text("gate");
        assertThat(answers.stream().filter(answer -> answer.status() == 409)).hasSize(7).allSatisfy(refused -> {
            assertThat(refused.text("code")).isEqualTo("ALREADY_ADMITTED");
            assertThat(refused.text("gate")).as("where it was admitted").isEqualTo(gate);
            assertThat(refused.text("admittedAt")).isEqualTo(admitted.getFirst().text("admittedAt"));
        });
        assertThat(count("SELECT count(*) FROM ticket_admission WHERE ticket_id = ?", ticket.ticketId())).isEqualTo(1);
        assertThat(admissions("admitted")).isEqualTo(admittedBefore + 1);
        assertThat(admissions("already_admitted")).isEqualTo(alreadyBefore + 7);
    }

    @Test
    void admitsOnlyTheTicketItsCodeSignsForTheShowAtTheDoor() {
        ShowScheduled show = scheduled();
        BookingConfirmed booking = confirmed(show, UUID.randomUUID(), null, List.of("F1", "F2"));
        events.send(booking);
        List<TicketsIssued.Ticket> tickets = awaitTickets(booking).tickets();
        String admitFirst = "/api/v1/tickets/" + tickets.get(0).ticketId() + "/admit";
        double invalidBefore = admissions("invalid");
        double wrongShowBefore = admissions("wrong_show");
        double admittedBefore = admissions("admitted");

        var otherTicketsCode = scanner().post(admitFirst, Map.of("code", tickets.get(1).code()));
        assertThat(otherTicketsCode.status()).isEqualTo(422);
        assertThat(otherTicketsCode.text("code")).isEqualTo("TICKET_INVALID");
        String code = tickets.get(0).code();
        var forged = scanner().post(admitFirst, Map.of("code", code.substring(0, code.length() - 2) + "xx"));
        assertThat(forged.text("code")).isEqualTo("TICKET_INVALID");
        var otherShow = scanner().post(admitFirst, Map.of("code", code, "showId", UUID.randomUUID().toString()));
        assertThat(otherShow.status()).isEqualTo(422);
        assertThat(otherShow.text("code")).isEqualTo("WRONG_SHOW");
        assertThat(count("SELECT count(*) FROM ticket_admission WHERE ticket_id = ?", tickets.get(0).ticketId())).isZero();

        var admitted = scanner().post(admitFirst, Map.of("code", code));
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.text("gate")).as("the scanner's name when no gate is given").isEqualTo("door-scanner");
        assertThat(admissions("invalid")).isEqualTo(invalidBefore + 2);
        assertThat(admissions("wrong_show")).isEqualTo(wrongShowBefore + 1);
        assertThat(admissions("admitted")).isEqualTo(admittedBefore + 1);
        for (var malformed : List.of(Map.of(), Map.of("code", "not a code"), Map.of("code", code, "gate", ""),
                Map.of("code", code, "showId", "not-a-uuid"), Map.of("code", code, "gate", "<script>"))) {
            var refused = scanner().post(admitFirst, malformed);
            assertThat(refused.status()).as(malformed.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(scanner().post("/api/v1/tickets/not-a-uuid/admit", Map.of("code", code)).status()).isEqualTo(400);
    }

    @Test
    void aCancellationArrivingBeforeItsConfirmationLeavesTheBookingCancelledWithoutTickets() {
        UUID ana = UUID.randomUUID();
        BookingConfirmed booking = confirmed(scheduled(), ana, email(), List.of("D2", "D3"));
        var cancellation = CustomerEventsMother.cancelled(booking, new BigDecimal("32.00"));

        events.send(cancellation);
        events.send(booking); // the confirmation resent by booking-service's outbox after the cancellation

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?",
                booking.eventId()) == 1);
        assertThat(count("SELECT count(*) FROM ticket WHERE booking_id = ?", booking.bookingId())).isZero();
        assertThat(count("SELECT count(*) FROM booking WHERE booking_id = ? AND status = 'CANCELLED'",
                booking.bookingId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail WHERE kind = 'BOOKING_CONFIRMED' AND reference = ?",
                booking.bookingId().toString())).isZero();
        assertThat(count("SELECT count(*) FROM mail WHERE kind = 'BOOKING_CANCELLED' AND reference = ?",
                booking.bookingId().toString())).isEqualTo(1);
        assertThat(customer(ana).get("/api/v1/bookings/" + booking.bookingId() + "/tickets.pdf").text("code"))
                .isEqualTo("BOOKING_CANCELLED");
        assertThat(ISSUED.events(TicketsIssued.class, event -> event.bookingId().equals(booking.bookingId()))).isEmpty();
    }

    @Test
    void everyInstanceSignsWithTheStoredKeyUnlessOneIsConfigured() throws Exception {
        String stored = api().get("/api/v1/tickets/public-key").text("publicKey");
        try (var second = instance()) {
            assertThat(JsonApi.asGateway(url(second)).get("/api/v1/tickets/public-key").text("publicKey")).isEqualTo(stored);
        }
        KeyPair configured = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(configured.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        try (var own = instance("--ticketing.notification.tickets.signing-key=" + pem)) {
            assertThat(JsonApi.asGateway(url(own)).get("/api/v1/tickets/public-key").text("publicKey"))
                    .isEqualTo(Base64.getEncoder().encodeToString(configured.getPublic().getEncoded()));
        }
    }

    @Test
    void answersMalformedVerifyRequestsWithProblems() {
        for (String body : List.of("{}", "{\"code\":\"\"}", "{\"code\":123}", "{\"code\":null}", "{\"code\":\"x\",\"more\":1}",
                "{\"code\":", "[]", "{\"code\":\"" + "A".repeat(2000) + "\"}", "{\"code\":\"not a ticket\"}",
                "{\"code\":\"nodot\"}", "{\"code\":\"a.b\\u0000\"}")) {
            var response = api().postRaw("/api/v1/tickets/verify", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.isProblem()).as(body).isTrue();
            assertThat(response.text("code")).as(body).isNotBlank();
        }
        assertThat(api().request("POST", "/api/v1/tickets/verify", "text/plain", "code").status()).isEqualTo(415);
    }

    /** Another instance on the same database, without listeners: only its web API is of interest here. */
    private static ConfigurableApplicationContext instance(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.listener.auto-startup=false"));
        args.addAll(List.of(more));
        TestInfrastructure.register((name, value) -> args.add("--" + name + "=" + value.get()), "notification",
                Component.POSTGRES, Component.KAFKA, Component.SMTP);
        return new SpringApplicationBuilder(NotificationApplication.class).run(args.toArray(String[]::new));
    }

    private static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private ShowScheduled scheduled() {
        ShowScheduled show = ShowScheduledMother.show(4, 5);
        events.send(show);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM show_summary WHERE show_id = ?", show.showId()) == 1);
        return show;
    }

    private TicketsIssued awaitTickets(BookingConfirmed booking) {
        await().atMost(WAIT).until(() -> !ISSUED.events(TicketsIssued.class,
                event -> event.bookingId().equals(booking.bookingId())).isEmpty());
        return ISSUED.events(TicketsIssued.class, event -> event.bookingId().equals(booking.bookingId())).getFirst();
    }

    private static double admissions(String outcome) {
        return Meters.count("ticketing.tickets.admitted", "outcome", outcome);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private JsonApi api() {
        return JsonApi.asGateway(url(""));
    }

    /** A ticket scanner at the door, as the gateway names it. */
    private JsonApi scanner() {
        return api().withHeader("X-Api-Client", "door-scanner");
    }

    private JsonApi customer(UUID customerId) {
        return api().withHeader("X-Customer-Id", customerId.toString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
