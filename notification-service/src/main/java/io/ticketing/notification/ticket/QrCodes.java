package io.ticketing.notification.ticket;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as black-and-white images (ZXing), for printing. Every code is read back as a scanner reads a picture of it
 * (finding its finder patterns, not told where it is), as drawn and smoothed to a page's resolution: the mask pattern
 * the encoder picks by the standard's penalty rule leaves one code in 60 to 100 that ZXing's detector, which many
 * phone scanners use, cannot find; such a code is encoded again with another mask until it reads.
 */
final class QrCodes {

    /** The standard's eight masks; a code is tried with the encoder's own choice first. */
    private static final int MASKS = 8;
    /** As drawn, and smoothed to a little over once and twice its size (a page rendered at 150 and 300 DPI). */
    private static final double[] SCALES = { 1.0, 1.04, 2.08 };

    private QrCodes() {
    }

    /** About {@code size} pixels wide, each module a whole number of pixels, so the image stays sharp when scaled. */
    static BufferedImage image(String text, int size) {
        BufferedImage image = image(text, size, null);
        for (int mask = 0; mask < MASKS && !readable(image, text); mask++) {
            image = image(text, size, mask);
        }
        return image;
    }

    /**
     * Error correction M (15 %) survives a scratched print or a cracked phone screen; a 4-module quiet zone; the mask
     * given, or the encoder's choice.
     */
    private static BufferedImage image(String text, int size, Integer mask) {
        Map<EncodeHintType, Object> hints = new HashMap<>(Map.of(EncodeHintType.ERROR_CORRECTION,
                ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
            var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return image;
        }
        catch (WriterException ex) {
            throw new IllegalArgumentException("Too much text for a QR code", ex);
        }
    }

    private static boolean readable(BufferedImage image, String text) {
        for (double scale : SCALES) {
            if (!readableAs(scale == 1.0 ? image : smoothed(image, scale), text)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage smoothed(BufferedImage image, double scale) {
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return scaled;
    }

    private static boolean readableAs(BufferedImage image, String text) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
                pixels)));
        try {
            return text.equals(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText());
        }
        catch (ReaderException ex) {
            return false;
        }
    }
}
