package io.ticketing.benchmarks.holdrate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.ticketing.benchmarks.HotShowSetup;
import io.ticketing.benchmarks.Sessions;
import io.ticketing.identity.CallerSignatures;

/**
 * Writes the Lua scripts {@code wrk -s} runs, one per phase, and the sessions file they read. Lean on purpose, so that
 * wrk spends its core on sending: the no-op requests are built once per customer in {@code init()} and sent in turn;
 * a hold request is one string concatenation; a seat-map request is the same string every time. {@code response()}
 * counts answers by status per thread and {@code done()} prints them, with each thread's position among the seat
 * pairs, as lines {@link WrkOutput} reads.
 *
 * <p>Seat pairs: pair {@code p} (from 0) is seats {@code 2k+1} and {@code 2k+2} of row {@code p / pairsPerRow}, where
 * {@code k = p % pairsPerRow}: two adjacent seats that never straddle an aisle (after seat 10 and 10 seats before a
 * row's end, both even). Pair {@code p} is held by customer {@code p / 5} ({@value #HOLDS_PER_CUSTOMER} holds of two
 * seats: the 10-seat limit exactly); a refused hold of pair {@code p} is sent by the next customer, as when somebody
 * else got there first. {@link #seatIds} names the same pairs in Java, for the holds that make the seat-map phase's
 * show busy.
 */
final class WrkScripts {

    /** Holds per customer: 5 holds of 2 seats are the 10 seats a customer may hold of one show. */
    static final int HOLDS_PER_CUSTOMER = 5;
    static final int SEATS_PER_HOLD = 2;
    static final String NO_OP_PATH = "/api/v1/no-op";
    /** What the no-op phases send: a hold-shaped body, read and validated by the service. */
    static final String NO_OP_BODY = "{\"seatIds\":[\"A1\",\"A2\"]}";

    private final Path directory;
    private final int threads;

    WrkScripts(Path directory, int threads) {
        this.directory = directory;
        this.threads = threads;
    }

    /** The sessions file with, on each line, the gateway's signature over that customer's identity, made now. */
    private Path signed(Path sessions, String apiClient, CallerSignatures signatures) throws IOException {
        long now = Instant.now().getEpochSecond();
        Path file = directory.resolve("sessions-signed.txt");
        Files.write(file, Files.readAllLines(sessions).stream().map(line -> {
            String[] session = line.split(" ");
            return line + " " + signatures.sign(new CallerSignatures.Identity("gateway-service", session[1], session[2],
                    apiClient), now);
        }).toList());
        return file;
    }

    /** One line per customer: token, customer id, e-mail address, as the scripts read them. */
    Path sessions(List<Sessions.Session> sessions) throws IOException {
        for (Sessions.Session session : sessions) {
            for (String value : List.of(session.token(), session.customerId(), session.email())) {
                if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalStateException("A session field is empty or has blanks: '" + value + "'");
                }
            }
        }
        Path file = directory.resolve("sessions.txt");
        Files.write(file, sessions.stream()
                .map(session -> session.token() + " " + session.customerId() + " " + session.email()).toList());
        return file;
    }

    /**
     * The no-op straight to the service with the identity headers the gateway would add ({@code X-Customer-Id},
     * {@code X-Customer-Email}, {@code X-Api-Client}) and its signature over them ({@code signatures}, made now: they
     * are good for five minutes), or through the gateway with the API key and the session; each thread sends its own
     * customers' requests in turn.
     */
    Path noOp(Phase phase, URI target, Path sessions, String apiKey, String apiClient, CallerSignatures signatures)
            throws IOException {
        String identity = phase.viaGateway()
                ? "\"X-API-Key: \" .. " + lua(apiKey) + " .. \"\\r\\nAuthorization: Bearer \" .. token .. \"\\r\\n\""
                : "\"X-Customer-Id: \" .. customer .. \"\\r\\nX-Customer-Email: \" .. email .. \"\\r\\nX-Api-Client: \" .. "
                        + lua(apiClient) + " .. \"\\r\\n" + CallerSignatures.CALLER_HEADER + ": gateway-service\\r\\n"
                        + CallerSignatures.SIGNATURE_HEADER + ": \" .. signature .. \"\\r\\n\"";
        Path lines = phase.viaGateway() ? sessions : signed(sessions, apiClient, signatures);
        String script = header(phase, lines) + """
                local BODY = %s

                function init(args)
                  counts = {}
                  local head = "POST %s HTTP/1.1\\r\\nHost: " .. %s .. "\\r\\nContent-Type: application/json\\r\\n"
                    .. "Content-Length: " .. #BODY .. "\\r\\n"
                  requests = {}
                  local number = 0
                  for line in io.lines(SESSIONS) do
                    if number %% THREADS == id - 1 then
                      local token, customer, email, signature = line:match("^(%%S+) (%%S+) (%%S+) ?(%%S*)$")
                      requests[#requests + 1] = head .. %s .. "\\r\\n" .. BODY
                    end
                    number = number + 1
                  end
                  turn = 0
                end

                function request()
                  turn = turn %% #requests + 1
                  return requests[turn]
                end
                """.formatted(lua(NO_OP_BODY), NO_OP_PATH, lua(target.getAuthority()), identity) + FOOTER;
        return write(phase, script);
    }

    /**
     * Holds through the gateway: each thread walks its own seat pairs from {@code from[t]} up to {@code to[t]}
     * (exclusive), once; a thread that runs out stops (wrk's {@code thread:stop()}) and says so. With {@code refused},
     * it goes round its pairs again and again, each sent by the customer after the one that holds it.
     *
     * @param from per thread (index 0 for thread 1), the first pair to send
     * @param to per thread, the end of its pairs
     */
    Path holds(Phase phase, URI gateway, String showId, int seatsPerRow, int rows, Path sessions, String apiKey,
            long[] from, long[] to) throws IOException {
        if (from.length != threads || to.length != threads) {
            throw new IllegalArgumentException("One range of pairs per thread: " + threads + " threads");
        }
        boolean refused = phase == Phase.REFUSED_HOLDS;
        String rowLabels = IntStream.range(0, rows).mapToObj(HotShowSetup::rowLabel)
                .map(WrkScripts::lua).collect(Collectors.joining(", "));
        String script = header(phase, sessions) + """
                local ROWS = {%s}
                local PAIRS_PER_ROW = %d
                local HOLDS_PER_CUSTOMER = %d
                local FROM = {%s}
                local TO = {%s}
                local ROUND_AGAIN = %s
                local NEXT_CUSTOMER = %d

                function init(args)
                  counts = {}
                  tokens = {}
                  for line in io.lines(SESSIONS) do
                    tokens[#tokens + 1] = line:match("^(%%S+) ")
                  end
                  from, to = FROM[id], TO[id]
                  pair = from
                  head = "POST /api/v1/shows/%s/holds HTTP/1.1\\r\\nHost: " .. %s .. "\\r\\nX-API-Key: " .. %s
                    .. "\\r\\nContent-Type: application/json\\r\\nAuthorization: Bearer "
                end

                function request()
                  local p = pair
                  if p >= to then
                    if ROUND_AGAIN then
                      p = from
                    else
                      if not exhausted then
                        exhausted = true
                        wrk.thread:stop()
                      end
                      p = to - 1
                    end
                  end
                  pair = p + 1
                  local row = ROWS[math.floor(p / PAIRS_PER_ROW) + 1]
                  local seat = (p %% PAIRS_PER_ROW) * 2 + 1
                  local body = '{"seatIds":["' .. row .. seat .. '","' .. row .. (seat + 1) .. '"]}'
                  local token = tokens[(math.floor(p / HOLDS_PER_CUSTOMER) + NEXT_CUSTOMER) %% #tokens + 1]
                  return head .. token .. "\\r\\nContent-Length: " .. #body .. "\\r\\n\\r\\n" .. body
                end
                """.formatted(rowLabels, seatsPerRow / SEATS_PER_HOLD, HOLDS_PER_CUSTOMER, numbers(from), numbers(to),
                        refused, refused ? 1 : 0, showId, lua(gateway.getAuthority()), lua(apiKey))
                + FOOTER;
        return write(phase, script);
    }

    /**
     * The seat map of one show through the gateway, as an anonymous reader asks for it: the API key, no session, gzip
     * accepted. Every request is the same string, built once.
     */
    Path seatMap(URI gateway, String showId, String apiKey) throws IOException {
        String script = header(Phase.SEAT_MAP) + """
                local REQUEST = "GET /api/v1/shows/%s/seats HTTP/1.1\\r\\nHost: " .. %s .. "\\r\\nX-API-Key: " .. %s
                  .. "\\r\\nAccept-Encoding: gzip\\r\\n\\r\\n"

                function init(args)
                  counts = {}
                end

                function request()
                  return REQUEST
                end
                """.formatted(showId, lua(gateway.getAuthority()), lua(apiKey)) + FOOTER;
        return write(Phase.SEAT_MAP, script);
    }

    /** The seat ids of pair {@code pair} (from 0) in rows of {@code seatsPerRow}, as the hold scripts send them. */
    static List<String> seatIds(long pair, int seatsPerRow) {
        long pairsPerRow = seatsPerRow / SEATS_PER_HOLD;
        String row = HotShowSetup.rowLabel(Math.toIntExact(pair / pairsPerRow));
        long seat = (pair % pairsPerRow) * 2 + 1;
        return List.of(row + seat, row + (seat + 1));
    }

    private String header(Phase phase, Path sessions) {
        return header(phase) + "local SESSIONS = " + lua(sessions.toString()) + "\n";
    }

    private String header(Phase phase) {
        return """
                -- wrk script of the hold-rate benchmark, phase "%s" (generated by WrkScripts; benchmarks/README.md)
                local THREADS = %d
                local threads = {}

                function setup(thread)
                  threads[#threads + 1] = thread
                  thread:set("id", #threads)
                end

                """.formatted(phase.label(), threads);
    }

    /** Counts answers by status per thread; prints them summed, with each thread's next pair, for {@link WrkOutput}. */
    private static final String FOOTER = """

            function response(status, headers, body)
              counts[status] = (counts[status] or 0) + 1
            end

            function done(summary, latency, requests)
              local statuses, progress, exhausted = {}, {}, 0
              for number, thread in ipairs(threads) do
                for status, count in pairs(thread:get("counts")) do
                  statuses[status] = (statuses[status] or 0) + count
                end
                local pair = thread:get("pair")
                if pair then
                  progress[#progress + 1] = string.format("%d=%d", number, pair)
                end
                if thread:get("exhausted") then
                  exhausted = exhausted + 1
                end
              end
              local line = {"MARK statuses"}
              for status, count in pairs(statuses) do
                line[#line + 1] = string.format("%d=%d", status, count)
              end
              io.write(table.concat(line, " "), "\\n")
              io.write("MARK progress ", table.concat(progress, " "), "\\n")
              io.write("MARK exhausted ", exhausted, "\\n")
            end
            """.replace("MARK", WrkOutput.MARK);

    /** {@code holds.lua}, then {@code holds-2.lua} for the next script of the phase: every script stays to be read. */
    private Path write(Phase phase, String script) throws IOException {
        String name = phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Path file = directory.resolve(name + ".lua");
        for (int number = 2; Files.exists(file); number++) {
            file = directory.resolve(name + "-" + number + ".lua");
        }
        Files.writeString(file, script);
        return file;
    }

    private static String numbers(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    /** A Lua string literal. */
    static String lua(String value) {
        var literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        literal.append(String.format(Locale.ROOT, "\\%03d", (int) c));
                    }
                    else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }
}
