package io.ticketing.benchmarks.chaos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few Redis commands the harness sends, over RESP on a connection of its own per command, with a read timeout:
 * a Redis that is paused or gone must not hang the harness. On a Redis Cluster, this is the node faults hit, and a
 * command for a key of another node follows the node's {@code MOVED} answer. Replies: {@code String} (simple and bulk
 * strings, null for a nil bulk), {@code Long}, {@code List<Object>}; an error reply throws.
 */
final class Redis {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final String ANSWERED = "Redis answered ";

    private final String host;
    private final int port;

    Redis(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends the command to this Redis; a node of a Redis Cluster that does not hold the key answers which node does
     * ({@code MOVED <slot> <host>:<port>}), and the command goes there.
     */
    Object command(String... command) throws IOException {
        try {
            return command(host, port, command);
        }
        catch (IllegalStateException error) {
            String answer = error.getMessage();
            if (!answer.startsWith(ANSWERED + "MOVED ")) {
                throw error;
            }
            String node = answer.substring(answer.lastIndexOf(' ') + 1);
            int colon = node.lastIndexOf(':');
            return command(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)), command);
        }
    }

    private static Object command(String host, int port, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(encode(command));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** A hash as field → value ({@code HGETALL}); empty when the key does not exist. */
    Map<String, String> hash(String key) throws IOException {
        List<?> flat = (List<?>) command("HGETALL", key);
        Map<String, String> hash = new LinkedHashMap<>();
        for (int index = 0; index + 1 < flat.size(); index += 2) {
            hash.put((String) flat.get(index), (String) flat.get(index + 1));
        }
        return hash;
    }

    boolean ping() {
        try {
            return "PONG".equals(command("PING"));
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    static byte[] encode(String... command) {
        var request = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new IllegalStateException(ANSWERED + line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                in.skipNBytes(2); // CRLF
                yield bulk;
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int index = 0; index < count; index++) {
                    items.add(read(in));
                }
                yield items;
            }
            case -1 -> throw new IOException("Redis closed the connection");
            default -> throw new IOException("Not a RESP reply: " + (char) type + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b == -1) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        in.skipNBytes(1); // LF
        return line.toString(StandardCharsets.UTF_8);
    }
}
