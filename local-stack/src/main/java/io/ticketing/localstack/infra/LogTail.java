package io.ticketing.localstack.infra;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The last lines of a log file, for error messages that should explain a failed start on their own. Only the file's
 * last {@value #MAX_BYTES} bytes are read: a service's log after hours of traffic is hundreds of megabytes, and reading
 * it whole ran the launcher out of memory when the gateway died, so that nothing restarted it.
 */
public final class LogTail {

    /** Enough for the lines asked for, a long stack trace included. */
    static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    public static String of(Path logFile, int lines) {
        try (FileChannel file = FileChannel.open(logFile, StandardOpenOption.READ)) {
            long size = file.size();
            long from = Math.max(0, size - MAX_BYTES);
            ByteBuffer tail = ByteBuffer.allocate((int) (size - from));
            while (tail.hasRemaining() && file.read(tail, from + tail.position()) >= 0) {
                // reads until the buffer is full or the file ends (it may shrink meanwhile)
            }
            List<String> read = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).lines().toList();
            // from the middle of the file, the first line read may be the end of a longer one
            List<String> whole = from > 0 && !read.isEmpty() ? read.subList(1, read.size()) : read;
            return String.join(System.lineSeparator(), whole.subList(Math.max(0, whole.size() - lines), whole.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
