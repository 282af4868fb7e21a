package io.ticketing.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path directory;

    @Test
    void givesTheLastLinesOfASmallLog() throws IOException {
        Path log = Files.writeString(directory.resolve("small.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.of(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
        assertThat(LogTail.of(log, 10)).isEqualTo(String.join(System.lineSeparator(), "one", "two", "three", "four"));
    }

    /**
     * A log of 3 GB (sparse: it takes no disk) ending in a few lines: reading it whole cannot even fit in one string,
     * and a long-running service's log of hundreds of megabytes ran the launcher out of memory that way.
     */
    @Test
    void readsOnlyTheEndOfAHugeLog() throws IOException {
        Path log = directory.resolve("huge.log");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
            file.seek(file.length());
            file.write("\nStarted\nKilled by the operator\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(LogTail.of(log, 2)).isEqualTo("Started" + System.lineSeparator() + "Killed by the operator");
    }

    @Test
    void dropsTheCutLineAtTheStartOfWhatItReads() throws IOException {
        String cut = "x".repeat(LogTail.MAX_BYTES);
        Path log = Files.writeString(directory.resolve("long-line.log"), cut + "\nlast\n");

        assertThat(LogTail.of(log, 5)).isEqualTo("last");
    }

    @Test
    void saysSoWhenThereIsNoLog() {
        assertThat(LogTail.of(directory.resolve("missing.log"), 5)).startsWith("(no log at ");
    }
}
