package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A mail catcher: an SMTP server (SubEthaSMTP, inside this JVM) that accepts every message for every
 * recipient and keeps each as a {@code .eml} file in one directory, instead of delivering it. Developers open
 * the files with any mail client; tests read them. A message for several recipients is kept once per
 * recipient.
 *
 * <p>Files appear atomically (written under a temporary name, then moved), so a reader never sees half a
 * message; their names sort in the order the messages arrived.
 */
public final class SmtpServer implements EmbeddedServer {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path mailbox;
    private final int port;
    private final AtomicLong received = new AtomicLong();
    private SMTPServer server;

    /** @param mailbox where every received message is written as a {@code .eml} file */
    public SmtpServer(Path mailbox, int port) {
        this.mailbox = mailbox.toAbsolutePath().normalize();
        this.port = port;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, name());
        try {
            Files.createDirectories(mailbox);
            SMTPServer starting = SMTPServer.port(port)
                    .bindAddress(InetAddress.getByName(Ports.LOOPBACK))
                    .hostName("localhost")
                    .softwareName("ticketing local mail catcher")
                    .messageHandler((context, from, to, data) -> keep(data))
                    .build();
            starting.start();
            server = starting;
        } catch (IOException e) {
            throw new UncheckedIOException("SMTP did not start on port " + port, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        Ports.awaitFree(port, STOP_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** The directory of {@code .eml} files. */
    public Path mailbox() {
        return mailbox;
    }

    /** Every message received so far (also by earlier runs on the same directory), oldest first. */
    public List<Path> messages() {
        return messages(mailbox);
    }

    /** The {@code .eml} files of a mailbox directory, oldest first; none if it does not exist yet. */
    public static List<Path> messages(Path mailbox) {
        if (!Files.isDirectory(mailbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keep(byte[] data) {
        String name = LocalDateTime.now().format(FILE_TIME) + "-" + "%06d".formatted(received.incrementAndGet());
        try {
            Path partial = Files.write(mailbox.resolve(name + ".partial"), data);
            Files.move(partial, mailbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a received mail in " + mailbox, e);
        }
    }
}
