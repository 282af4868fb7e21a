package io.ticketing.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;

/**
 * The arena's virtual waiting room (issue 19, {@code --room}): every customer takes a place before the opening, the
 * room opens {@code --opening-in} into the race, and each customer waits for its admission before it races, as the
 * web app's page does: it reads its place again when the room tells it to ({@code readAgainSeconds}: the room spreads
 * its crowd's reads) and long-polls it once its turn is near (a long poll answers at admission at once), then holds
 * with its admission token. Waiting takes none of the ingress's connections, which serve the seat path; it has its own
 * ({@link #READERS} and {@link #LONG_POLLERS}). The reads are counted ({@link #reads()}).
 */
final class ArenaRoom {

    static final String TOKEN_HEADER = "X-Admission-Token";
    private static final int LONG_POLL_SECONDS = 30;
    /**
     * Reads of places in flight at most: ten thousand customers each with a connection of its own would measure this
     * machine's TCP accept queue (the arena's first runs did), not the room. A customer further back sleeps without
     * one.
     */
    private static final int READERS = 500;
    /**
     * Long polls in flight at most, apart from the reads: sharing their connections, the long polls of customers near
     * their turn (30 s each) kept the rest of the crowd from reading at all. (2,000 at once ran the local stack's
     * waiting-service, with its 256 MB heap, out of memory.)
     */
    private static final int LONG_POLLERS = 1_000;
    private static final int MAX_FAILURES = 60;
    private static final int JOIN_ATTEMPTS = 5;
    private static final int WAITING_SERVICE_PORT = StackCpu.LOCAL_STACK.stream()
            .filter(part -> part.name().equals("waiting-service")).findFirst().orElseThrow().port();

    private final Gateway gateway;
    private final Gateway longPolls;
    private final ArenaOptions options;
    private final String showId;
    private final PrintStream out;
    private final Semaphore readers = new Semaphore(READERS, true);
    private final Semaphore longPollers = new Semaphore(LONG_POLLERS, true);
    private final LongAdder reads = new LongAdder();
    private final LongAdder polled = new LongAdder();
    private final LongAdder failedReads = new LongAdder();
    private String[] tickets;
    private volatile long readsBeforeOpening;
    private volatile CpuUse cpuBeforeOpening;

    ArenaRoom(Gateway gateway, ArenaOptions options, String showId, PrintStream out) {
        this.gateway = gateway;
        this.longPolls = new Gateway(options.gateway(), Duration.ofSeconds(LONG_POLL_SECONDS + 15));
        this.options = options;
        this.showId = showId;
        this.out = out;
    }

    /** The places read while waiting: {@code longPolls} of them long polls, {@code failed} without an answer. */
    record Reads(long reads, long longPolls, long failed) {
    }

    /** How a customer's wait ended: admitted with a token, or not ({@code status}: SOLD_OUT, CLOSED, EXPIRED). */
    record Admission(String token, String status, Duration waited) {
    }

    /** The room turned on, with its opening an hour away, and every customer's place taken. */
    void fill(List<String> sessions) throws IOException, InterruptedException {
        expect(gateway.put(adminPath(), options.adminKey(), settings(Instant.now().plus(Duration.ofHours(1)))), 201);
        tickets = new String[sessions.size()];
        var inFlight = new Semaphore(options.connections());
        Duration joining = LoadRunner.together(sessions.size(), number -> {
            inFlight.acquire();
            try {
                tickets[number] = join(sessions.get(number));
            }
            finally {
                inFlight.release();
            }
        });
        out.printf(Locale.ROOT, "  waiting room: %,d customers took their places before the opening in %.1f s, %,d "
                + "admitted a minute, admissions of %d minutes%n", sessions.size(), joining.toMillis() / 1000.0,
                options.roomRate(), options.admissionMinutes());
        if (options.waitingHeap()) {
            out.printf(Locale.ROOT, "  waiting-service's live heap with the places taken: %s%n",
                    LiveHeap.listening(WAITING_SERVICE_PORT).map(LiveHeap::describe).orElse("not known"));
        }
    }

    /**
     * With {@code --waiting-heap}, before the opening: waiting-service's live heap with the long polls in flight now.
     * Each long poll keeps a request's processor and a connection, but so may a request that is over (Tomcat keeps
     * processors and connections for the next requests), so the difference from the heap with the places taken
     * depends on what the joins left; the processors and connections say.
     */
    private void measureLongPolls() throws InterruptedException {
        int open = LONG_POLLERS - longPollers.availablePermits();
        out.printf(Locale.ROOT, "  waiting-service's live heap with %,d long polls open: %s%n", open,
                LiveHeap.listening(WAITING_SERVICE_PORT).map(LiveHeap::describe).orElse("not known"));
    }

    /**
     * Sets the room's opening {@code openingIn} from now ({@code opening}, {@link System#nanoTime()}), as an admin
     * announces an on-sale's time, while the race's customers start reading their places: before the opening each
     * page reads when its place says, and long-polls for the opening once it is near; the room opens by itself. (Until
     * issue 19's eighty-seventh run, the room opened once 1,000 long polls waited for it, 3 to 4 s into the race: every
     * page before the opening long-polled then.) On a thread of its own, at the opening: the stack's CPU since {@code
     * before} ({@link #beforeOpening}), and, with {@code --waiting-heap}, waiting-service's live heap with the long
     * polls for the opening open, a second before it.
     */
    void openIn(Duration openingIn, long opening, StackCpu cpu, StackCpu.Snapshot before)
            throws IOException, InterruptedException {
        expect(gateway.put(adminPath(), options.adminKey(), settings(Instant.now().plus(openingIn))), 200);
        out.printf(Locale.ROOT, "  the room opens %.1f s into the race: its crowd reads its places meanwhile%n",
                openingIn.toMillis() / 1000.0);
        Thread.ofVirtual().name("arena-room-opening").start(() -> {
            try {
                if (options.waitingHeap()) {
                    long waiting = Math.min(LONG_POLLERS, tickets.length);
                    while (polled.sum() < waiting && opening - System.nanoTime() > TimeUnit.SECONDS.toNanos(1)) {
                        Thread.sleep(20);
                    }
                    measureLongPolls();
                }
                Thread.sleep(Duration.ofNanos(Math.max(0, opening - System.nanoTime())));
                readsBeforeOpening = reads.sum();
                if (cpu != null) {
                    cpuBeforeOpening = cpu.between(before, cpu.snapshot());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The places read before the opening, and the stack's CPU from the race's start to it (null when not measured):
     * known once the opening has come.
     */
    record BeforeOpening(long reads, CpuUse cpu) {
    }

    BeforeOpening beforeOpening() {
        return new BeforeOpening(readsBeforeOpening, cpuBeforeOpening);
    }

    /**
     * The customer's place, taken before the opening: a join that got no answer in time is sent again, as a browser's
     * page would (a second join answers the same place, 200 instead of 201).
     */
    private String join(String session) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                Gateway.Response joined = gateway.post(customerPath(), options.apiKey(), session, null);
                if (joined.status() != 200) {
                    expect(joined, 201);
                }
                return joined.json().path("ticketId").asString();
            }
            catch (IOException ex) {
                if (attempt == JOIN_ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }

    /**
     * Waits until the customer is admitted, the room ends without admitting them, or the race's time is up
     * ({@code deadline}, {@link System#nanoTime()}: status {@code TIME_UP}). A read that fails (no connection in time,
     * an error answer) is tried again a second later, as a browser's page would.
     */
    Admission await(int customer, String session, long deadline) throws InterruptedException {
        long start = System.nanoTime();
        String path = "/api/v1/queue/" + tickets[customer];
        int waitSeconds = 0;
        int failures = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Admission(null, "TIME_UP", Duration.ofNanos(System.nanoTime() - start));
            }
            waitSeconds = (int) Math.min(waitSeconds, TimeUnit.NANOSECONDS.toSeconds(left));
            JsonNode place = read(waitSeconds == 0 ? path : path + "?waitSeconds=" + waitSeconds, session);
            if (place == null) {
                if (++failures == MAX_FAILURES) {
                    throw new IllegalStateException("Customer " + customer + " could not read its place "
                            + MAX_FAILURES + " times running");
                }
                Thread.sleep(Duration.ofSeconds(1));
                continue;
            }
            failures = 0;
            String status = place.path("status").asString();
            if (!"BEFORE_OPENING".equals(status) && !"WAITING".equals(status)) {
                return new Admission("ADMITTED".equals(status) ? place.path("admissionToken").asString() : null,
                        status, Duration.ofNanos(System.nanoTime() - start));
            }
            long again = place.path("readAgainSeconds").asLong(0);
            if (again > 0) {
                Thread.sleep(Duration.ofMillis(Math.min(TimeUnit.SECONDS.toMillis(again),
                        TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1)));
                waitSeconds = 0;
            }
            else {
                waitSeconds = LONG_POLL_SECONDS;
            }
        }
    }

    /**
     * The customer's place, read over one of {@link #READERS} connections, or long-polled over one of
     * {@link #LONG_POLLERS}; null when the read failed.
     */
    private JsonNode read(String path, String session) throws InterruptedException {
        Semaphore connections = path.contains("waitSeconds") ? longPollers : readers;
        connections.acquire();
        reads.increment();
        if (connections == longPollers) {
            polled.increment();
        }
        try {
            Gateway.Response answer = longPolls.get(path, options.apiKey(), session);
            if (answer.status() == 200) {
                return answer.json();
            }
        }
        catch (IOException ex) {
            // read again, as after an error answer
        }
        finally {
            connections.release();
        }
        failedReads.increment();
        return null;
    }

    /** The places read so far. */
    Reads reads() {
        return new Reads(reads.sum(), polled.sum(), failedReads.sum());
    }

    /** The room as its admins see it. */
    JsonNode state() throws IOException, InterruptedException {
        return expect(gateway.get(adminPath(), options.adminKey()), 200).json();
    }

    /**
     * Closes the room, whatever the race left in it: a room left open keeps admitting a crowd that is gone, and its
     * housekeeping (and the show's seat plan that it keeps in memory) would weigh on the runs after this one.
     */
    void close() {
        try {
            Gateway.Response closed = gateway.delete(adminPath(), options.adminKey(), null);
            if (closed.status() != 204) {
                out.println("  the waiting room could not be closed: " + closed.status() + " " + closed.text());
            }
        }
        catch (IOException ex) {
            out.println("  the waiting room could not be closed: " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> settings(Instant opensAt) {
        return Map.of("opensAt", opensAt.toString(), "admitPerMinute", options.roomRate(), "admissionMinutes",
                options.admissionMinutes());
    }

    private String adminPath() {
        return "/api/v1/admin/shows/" + showId + "/queue";
    }

    private String customerPath() {
        return "/api/v1/shows/" + showId + "/queue";
    }

    private static Gateway.Response expect(Gateway.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("The waiting room answered " + response.status() + " (expected " + status
                    + "): " + response.text());
        }
        return response;
    }
}
