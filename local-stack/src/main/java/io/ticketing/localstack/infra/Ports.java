package io.ticketing.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loopback port helpers. Everything binds to 127.0.0.1 only, so a developer's own services on default
 * ports never clash with ours and nothing is exposed to the network.
 */
public final class Ports {

    /** The only address the embedded servers listen on. */
    public static final String LOOPBACK = "127.0.0.1";
    /** How long a port that answers may take to close before {@link #requireFree} calls it taken. */
    private static final Duration INHERITED_LISTENER_GRACE = Duration.ofSeconds(2);
    /** Every port {@link #freePorts} handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port that is free on the loopback interface right now (tests use it to avoid clashing). */
    public static int freePort() {
        return freePorts(1).getFirst();
    }

    /**
     * Several distinct free ports, none handed out before in this JVM. All sockets are held open until every port is
     * chosen, so the same port is never handed out twice in one call; and a port is never handed out twice across
     * calls either: components started in parallel (the test infrastructure's) each close their probe socket before
     * their server binds, and the system would otherwise give the port just closed to the next caller, so that one
     * server found its port taken by another.
     */
    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                sockets.add(socket);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    ports.add(socket.getLocalPort());
                }
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    /**
     * Whether something listens on the loopback port: it accepts the connection, or lets it wait (a listener whose
     * queue of connections is full, on loopback the only reason for a timeout); refused means nothing listens.
     */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 250);
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails fast with a readable message instead of a server's obscure bind error. A port that answers is given a
     * moment to close: a process another thread forks at the moment a listening socket is open (a port probe, a
     * server stopping) holds a copy of it until the child closes its inherited descriptors and execs, so the port
     * can answer for a few milliseconds after its owner closed it.
     */
    public static void requireFree(int port, String what) {
        if (isListening(port) && !awaitFree(port, INHERITED_LISTENER_GRACE)) {
            throw new IllegalStateException("Port " + port + " needed by " + what
                    + " is already in use by another process (see `ss -ltnp | grep :" + port + "`)");
        }
    }

    /** Waits until nothing listens on the port any more; returns whether it got free in time. */
    public static boolean awaitFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isListening(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Sleep.millis(100);
        }
        return true;
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the port was only probed
        }
    }
}
