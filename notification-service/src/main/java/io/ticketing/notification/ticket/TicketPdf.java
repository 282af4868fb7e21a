package io.ticketing.notification.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.stereotype.Component;

import io.ticketing.notification.show.Show;

/**
 * Prints tickets with PDFBox: one A6 page per ticket with the movie, the cinema hall, the start, the seat, the
 * ticket id and the QR code of the signed code. Text is set in Liberation Sans (shipped inside PDFBox, embedded as
 * a subset) so accented and Cyrillic titles print; a character the font lacks prints as {@code ?}.
 */
@Component
class TicketPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A6;
    private static final float MARGIN = 24;
    private static final float QR_SIZE = 180;

    byte[] render(Show show, UUID bookingId, List<Ticket> tickets) {
        try (PDDocument document = new PDDocument(); InputStream font = TicketPdf.class.getResourceAsStream(FONT)) {
            PDFont text = PDType0Font.load(document, font);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Tickets " + bookingId);
            info.setCreator("ticketing notification-service");
            for (int i = 0; i < tickets.size(); i++) {
                page(document, text, show, bookingId, tickets.get(i), i + 1, tickets.size());
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot print the tickets of booking " + bookingId, ex);
        }
    }

    private static void page(PDDocument document, PDFont font, Show show, UUID bookingId, Ticket ticket, int number,
            int of) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        var qr = LosslessFactory.createFromImage(document, QrCodes.image(ticket.code(), 360));
        try (var content = new PDPageContentStream(document, page)) {
            var lines = new Lines(content, font, PAGE.getWidth() - 2 * MARGIN, PAGE.getHeight() - MARGIN);
            lines.write("E-TICKET  " + number + " / " + of, 8);
            lines.write(show.movieTitle(), 16);
            lines.write(show.hallName(), 10);
            lines.write(show.startsAt(), 10);
            lines.write("Seat " + ticket.seatId(), 20);
            float qrTop = lines.y() - 8;
            content.drawImage(qr, (PAGE.getWidth() - QR_SIZE) / 2, qrTop - QR_SIZE, QR_SIZE, QR_SIZE);
            lines.skipTo(qrTop - QR_SIZE - 4);
            lines.write("Ticket " + ticket.ticketId(), 7);
            lines.write("Booking " + bookingId, 7);
            lines.write("Show this code at the entrance.", 7);
        }
    }

    /** Writes lines top-down, each cut to the page's width. */
    private static final class Lines {

        private final PDPageContentStream content;
        private final PDFont font;
        private final float width;
        private float y;

        Lines(PDPageContentStream content, PDFont font, float width, float top) {
            this.content = content;
            this.font = font;
            this.width = width;
            this.y = top;
        }

        void write(String text, float size) throws IOException {
            String printable = fitting(printable(text), size);
            y -= size * 1.3f;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable);
            content.endText();
        }

        float y() {
            return y;
        }

        void skipTo(float y) {
            this.y = y;
        }

        private String printable(String text) {
            var printable = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = Character.toString(codePoint);
                printable.append(Character.isISOControl(codePoint) || !hasGlyph(character) ? "?" : character);
            });
            return printable.toString();
        }

        private boolean hasGlyph(String character) {
            try {
                font.encode(character);
                return true;
            }
            catch (IllegalArgumentException | IOException ex) {
                return false;
            }
        }

        private String fitting(String text, float size) throws IOException {
            String fitting = text;
            while (fitting.length() > 1 && font.getStringWidth(fitting) / 1000 * size > width) {
                fitting = fitting.substring(0, fitting.length() - 2) + "…";
            }
            return fitting;
        }
    }
}
