package io.ticketing.notification.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ticketing.notification.PrintedTickets;
import io.ticketing.notification.show.Show;

/** One page per ticket, with what the customer needs to find their seat and the QR code a scanner reads. */
class TicketPdfTest {

    @Test
    void printsEachTicketOnAPageWithItsQrCode() throws Exception {
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        UUID booking = UUID.randomUUID();
        UUID show = UUID.randomUUID();
        List<Ticket> tickets = List.of("A1", "A2").stream().map(seat -> {
            UUID id = UUID.randomUUID();
            return new Ticket(id, seat, TicketCodes.sign(new TicketCode(id, booking, show, seat), keys.getPrivate()));
        }).toList();

        var printed = PrintedTickets.read(new TicketPdf().render(new Show(show, "Amélie — Москва 千と千尋", "Salle 3",
                "Saturday 28 November 2026, 19:30 UTC"), booking, tickets));

        assertThat(printed.pages()).isEqualTo(2);
        assertThat(printed.text()).contains("Amélie — Москва ???", "Salle 3", "Saturday 28 November 2026, 19:30 UTC",
                "Seat A1", "Seat A2", tickets.get(1).ticketId().toString(), booking.toString());
        assertThat(printed.qrCodes()).containsExactly(tickets.get(0).code(), tickets.get(1).code());
    }
}
