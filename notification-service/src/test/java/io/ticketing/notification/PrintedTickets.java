package io.ticketing.notification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * A tickets PDF as a person and a scanner see it: its text, and the QR code on each page, read off the page printed at
 * 300 DPI (a printer's resolution; at 150 DPI the smoothing alone left a code in about 150 unreadable). A scanner that
 * cannot find the code at its first look takes another from closer: about one page in 270 at 300 DPI is found only at
 * 400 DPI (3 of 800 measured, each of them read there), which a test that looked once failed on.
 */
public record PrintedTickets(int pages, String text, List<String> qrCodes) {

    public static PrintedTickets read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> codes = new ArrayList<>();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                String code = decode(renderer.renderImageWithDPI(page, 300));
                codes.add(code != null ? code : decodeOrFail(renderer.renderImageWithDPI(page, 400)));
            }
            return new PrintedTickets(document.getNumberOfPages(), new PDFTextStripper().getText(document), codes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String decodeOrFail(BufferedImage page) {
        String code = decode(page);
        if (code == null) {
            throw new AssertionError("No readable QR code on the page, at 300 or 400 DPI");
        }
        return code;
    }

    /** The page's QR code, or null when none is found on it. */
    private static String decode(BufferedImage page) {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        }
        catch (NotFoundException | ChecksumException | FormatException ex) {
            return null;
        }
    }
}
