package io.ticketing.notification.ticket.web;

import java.util.Base64;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.notification.ticket.Admission;
import io.ticketing.notification.ticket.TicketCodes;
import io.ticketing.notification.ticket.Tickets;
import io.ticketing.notification.ticket.Verification;
import io.ticketing.starter.web.CurrentCustomer;
import io.ticketing.starter.web.CurrentCustomerResolver;

@RestController
class TicketController {

    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    /** The key that verifies ticket codes, as scanners load it: X.509 SubjectPublicKeyInfo, base64 and PEM. */
    record PublicKeyView(String algorithm, String publicKey, String pem) {
    }

    /** A code as read from a ticket's QR code. */
    /** A code is base64url text in two parts: anything else is a malformed request, not an invalid ticket. */
    record VerifyRequest(@NotBlank @Size(max = 1024) @Pattern(regexp = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+",
            message = "must be a ticket code: two base64url parts joined by a dot") String code) {
    }

    /**
     * Not restricted to {@code Accept: application/pdf}: a client that asks for JSON still gets the PDF, and every
     * client gets its errors as problems rather than a 406.
     */
    @Operation(summary = "The booking's e-tickets, one page per seat with its QR code", responses = {
            @ApiResponse(responseCode = "200", description = "the tickets", content = @Content(
                    mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "BOOKING_NOT_FOUND: no such booking of the customer's (yet: "
                    + "tickets follow the booking within moments)", content = @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "BOOKING_CANCELLED: its tickets are void", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class))) })
    @GetMapping("/api/v1/bookings/{bookingId}/tickets.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID bookingId, @CurrentCustomer UUID customerId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("tickets-" + bookingId + ".pdf").build().toString())
                .body(tickets.pdf(bookingId, customerId));
    }

    @GetMapping("/api/v1/tickets/public-key")
    PublicKeyView publicKey() {
        byte[] encoded = tickets.publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----\n";
        return new PublicKeyView(TicketCodes.ALGORITHM, Base64.getEncoder().encodeToString(encoded), pem);
    }

    @PostMapping("/api/v1/tickets/verify")
    Verification verify(@Valid @RequestBody VerifyRequest request) {
        return tickets.verify(request.code());
    }

    /**
     * A scan at the door: the code the ticket's QR code carries, the show the door admits to (optional: then a ticket
     * for another show is refused), and the gate's name (optional: the scanner's API key name otherwise).
     */
    record AdmitRequest(@NotBlank @Size(max = 1024) @Pattern(regexp = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+",
            message = "must be a ticket code: two base64url parts joined by a dot") String code, UUID showId,
            @Size(min = 1, max = 64) @Pattern(regexp = "[\\p{L}\\p{N} ._-]+",
                    message = "must be letters, digits, spaces, dots, dashes or underscores") String gate) {
    }

    @Operation(summary = "Admits a ticket at the door, once (scanner key)",
            description = "The ticket's signed code must match the ticket; a second scan is 409 ALREADY_ADMITTED with "
                    + "admittedAt and gate, a cancelled booking's ticket 409 TICKET_VOID, a code that is not the "
                    + "platform's signature over this ticket 422 TICKET_INVALID, a ticket for another show than showId "
                    + "422 WRONG_SHOW.")
    @PostMapping("/api/v1/tickets/{ticketId}/admit")
    Admission admit(@PathVariable UUID ticketId, @Valid @RequestBody AdmitRequest request,
            @Parameter(hidden = true) @RequestHeader(name = CurrentCustomerResolver.API_CLIENT_HEADER, required = false)
            String scanner) {
        String gate = request.gate() != null ? request.gate() : scanner != null ? scanner : "a scanner";
        return tickets.admit(ticketId, request.code(), request.showId(), gate);
    }
}
