package io.ticketing.reservation.seating;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A document compressed in segments, so that a copy with a few segments replaced is gzipped by compressing only
 * those: each segment ends with a full flush (byte-aligned, and nothing after it refers back into it), so the
 * compressed segments can be put together in any combination, inside one gzip member with the CRC and size of what
 * they hold. A seat map is one segment per row: a reader who holds seats gets the map everyone sees with only the
 * rows of their seats compressed again, instead of a map built, serialized and compressed for them alone.
 */
final class SegmentedGzip {

    private static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    private final List<byte[]> plain;
    private final List<byte[]> deflated;
    private final byte[] json;
    private final byte[] gzip;

    private SegmentedGzip(List<byte[]> plain, List<byte[]> deflated) {
        this.plain = plain;
        this.deflated = deflated;
        this.json = concatenate(plain);
        this.gzip = gzip(plain, deflated);
    }

    /** Compresses each segment on its own; the last one ends the deflate stream. */
    static SegmentedGzip of(List<byte[]> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segment");
        }
        List<byte[]> deflated = new ArrayList<>(segments.size());
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            for (int index = 0; index < segments.size(); index++) {
                deflated.add(deflate(deflater, segments.get(index), index == segments.size() - 1));
            }
        }
        finally {
            deflater.end();
        }
        return new SegmentedGzip(List.copyOf(segments), List.copyOf(deflated));
    }

    /** The whole document. */
    byte[] json() {
        return json;
    }

    /** The whole document, gzipped. */
    byte[] gzip() {
        return gzip;
    }

    int segments() {
        return plain.size();
    }

    /** The document with these segments (by index, none of them the last) replaced. */
    byte[] jsonReplacing(Map<Integer, byte[]> replacements) {
        return concatenate(replaced(plain, replacements));
    }

    /** The document with these segments (by index, none of them the last) replaced, gzipped. */
    byte[] gzipReplacing(Map<Integer, byte[]> replacements) {
        List<byte[]> deflatedReplacements = new ArrayList<>(deflated);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            replacements.forEach((index, segment) -> {
                if (index == plain.size() - 1) {
                    throw new IllegalArgumentException("the last segment ends the stream and is never replaced");
                }
                deflater.reset();
                deflatedReplacements.set(index, deflate(deflater, segment, false));
            });
        }
        finally {
            deflater.end();
        }
        return gzip(replaced(plain, replacements), deflatedReplacements);
    }

    private static List<byte[]> replaced(List<byte[]> segments, Map<Integer, byte[]> replacements) {
        List<byte[]> result = new ArrayList<>(segments);
        replacements.forEach(result::set);
        return result;
    }

    private static byte[] deflate(Deflater deflater, byte[] segment, boolean last) {
        var out = new ByteArrayOutputStream(segment.length / 4 + 64);
        byte[] buffer = new byte[Math.max(1024, segment.length / 4)];
        deflater.setInput(segment);
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        else {
            int written;
            do {
                // a full output buffer may hold back more of the flush: ask again until it is not full
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, written);
            }
            while (written == buffer.length);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(List<byte[]> plain, List<byte[]> deflated) {
        var crc = new CRC32();
        long size = 0;
        for (byte[] segment : plain) {
            crc.update(segment);
            size += segment.length;
        }
        int length = HEADER.length + 8;
        for (byte[] segment : deflated) {
            length += segment.length;
        }
        var out = new ByteArrayOutputStream(length);
        out.writeBytes(HEADER);
        deflated.forEach(out::writeBytes);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, (int) size);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }

    private static byte[] concatenate(List<byte[]> segments) {
        int length = 0;
        for (byte[] segment : segments) {
            length += segment.length;
        }
        var out = new ByteArrayOutputStream(length);
        segments.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
