package io.ticketing.localstack.infra;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One command to a Redis server on this machine over a plain socket, answered as text: for setting a server up, and
 * for the system tests' commands to the stack's Redis, where no client library is needed. Simple strings and integers
 * (their text: {@code OK}, {@code 1}), bulk strings (null for none), errors (thrown as {@link RedisError}); not
 * arrays.
 */
public final class RedisCommands {

    private static final int TIMEOUT_MILLIS = 5_000;

    private RedisCommands() {
    }

    /** An error Redis answered, its text without the leading {@code -} ({@code MOVED 866 127.0.0.1:16380}). */
    public static final class RedisError extends IllegalStateException {

        RedisError(String message) {
            super(message);
        }
    }

    /**
     * {@link #call}, and on a Redis Cluster's node that does not hold the command's key, the same command again on the
     * node its {@code MOVED <slot> <host>:<port>} answer names (on this machine, as every node of the local cluster
     * is).
     */
    public static String callFollowingMoves(int port, String... args) {
        try {
            return call(port, args);
        } catch (RedisError error) {
            if (!error.getMessage().startsWith("MOVED ")) {
                throw error;
            }
            String node = error.getMessage();
            return call(Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)), args);
        }
    }

    public static String call(int port, String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request(args));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer " + args[0], e);
        }
    }

    private static byte[] request(String... args) {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(arg).append("\r\n");
        }
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String reply(InputStream in) throws IOException {
        String line = line(in);
        return switch (line.charAt(0)) {
            case '+', ':' -> line.substring(1);
            case '-' -> throw new RedisError(line.substring(1));
            case '$' -> {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    yield null;
                }
                String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                in.readNBytes(2);
                yield bulk;
            }
            default -> throw new IllegalStateException("Unexpected reply from Redis: " + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        in.read();
        return line.toString(StandardCharsets.UTF_8);
    }
}
