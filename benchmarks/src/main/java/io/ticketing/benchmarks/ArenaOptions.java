package io.ticketing.benchmarks;

import java.io.IOException;
import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link ArenaBenchmark}. Defaults are issue 14's arena: 60,000 seats, 10,000 customers. */
@Command(name = "arena", description = "10,000 customers hold out a 60,000-seat show while seat-map streams follow "
        + "it: time, attempts, CPU per hold per process, streams' lag, oversells.")
final class ArenaOptions extends Benchmarks.Options {

    private static final int MAX_ROWS = 500;

    @Option(names = "--seats", paramLabel = "N", defaultValue = "60000",
            description = "seats of the arena (default ${DEFAULT-VALUE})")
    private int seats;

    @Option(names = "--seats-per-row", paramLabel = "N", defaultValue = "200",
            description = "seats per row, a multiple of 50 that divides --seats into at most 500 rows "
                    + "(default ${DEFAULT-VALUE})")
    private int seatsPerRow;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "10000",
            description = "concurrent customers, one session and one virtual thread each (default ${DEFAULT-VALUE})")
    private int customers;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "256",
            description = "requests in flight at most, as through an ingress that keeps this many connections to "
                    + "the gateway; the other customers wait their turn (default ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--streams", paramLabel = "N", defaultValue = "50",
            description = "seat-map streams (SSE) opened besides, each checked against the final map; the first is "
                    + "the customers' shared view (default ${DEFAULT-VALUE})")
    private int streams;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the customers' choices (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "per-request timeout; a timeout counts as an error (default ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--phase-limit", paramLabel = "TIME", defaultValue = "4m",
            description = "stop the race after this long (from the room's opening, with --room), before holds "
                    + "expire: under --hold-life (default ${DEFAULT-VALUE})")
    private Duration phaseLimit;

    @Option(names = "--hold-life", paramLabel = "TIME", defaultValue = "5m",
            description = "how long the platform keeps a hold (reservation-service's ticketing.reservation.hold-ttl): "
                    + "the race must end before its first holds do, since the benchmark never pays "
                    + "(default ${DEFAULT-VALUE})")
    private Duration holdLife;

    @Option(names = "--room", paramLabel = "PER_MINUTE", defaultValue = "0",
            description = "sell through the show's virtual waiting room, admitting this many customers a minute: "
                    + "everyone takes a place before the opening and holds once admitted, with its token (issue 19); "
                    + "0: no room (default)")
    private int roomRate;

    @Option(names = "--opening-in", paramLabel = "TIME", defaultValue = "10s",
            description = "with --room: the room opens this long after the race starts, its crowd reading its places "
                    + "meanwhile, as pages open before an on-sale do (default ${DEFAULT-VALUE})")
    private Duration openingIn;

    @Option(names = "--admission-minutes", paramLabel = "N", defaultValue = "4",
            description = "with --room: how long an admitted customer may hold seats (default ${DEFAULT-VALUE})")
    private int admissionMinutes;

    @Option(names = "--hold-bound", paramLabel = "TIME", defaultValue = "1s",
            description = "the bound the hold attempts' p99 is judged by, in every 10-second window of the race "
                    + "(waiting-service's ticketing.waiting.room.hold-latency-bound; default ${DEFAULT-VALUE})")
    private Duration holdBound;

    @Option(names = "--think", paramLabel = "TIME", defaultValue = "0s",
            description = "how long a customer looks at the seat map before each hold attempt after its first, on "
                    + "average (at random from none to twice this), as a person choosing seats; 0: none, the "
                    + "customers are a closed loop without think time (default ${DEFAULT-VALUE})")
    private Duration think;

    @Option(names = "--waiting-heap",
            description = "with --room, on the local stack: waiting-service's live heap, Tomcat's processors and its "
                    + "connections before the opening, once the crowd has taken its places and again with its long "
                    + "polls open (each a full collection of waiting-service, before the race; default off)")
    private boolean waitingHeap;

    static ArenaOptions parse(String... args) {
        return Benchmarks.parse(new ArenaOptions(), args);
    }

    @Override
    protected void check() {
        if (seatsPerRow < HotShowSetup.SEATS_PER_ROW || seatsPerRow % HotShowSetup.SEATS_PER_ROW != 0) {
            throw new IllegalArgumentException("--seats-per-row is a multiple of " + HotShowSetup.SEATS_PER_ROW);
        }
        if (seats < seatsPerRow || seats % seatsPerRow != 0 || seats / seatsPerRow > MAX_ROWS) {
            throw new IllegalArgumentException("--seats is a multiple of --seats-per-row, in at most " + MAX_ROWS
                    + " rows");
        }
        if (customers < 1 || customers > 20_000) {
            throw new IllegalArgumentException("--customers is 1 to 20000");
        }
        if (connections < 1 || connections > customers) {
            throw new IllegalArgumentException("--connections is 1 to --customers");
        }
        if (streams < 1 || streams > 1_000) {
            throw new IllegalArgumentException("--streams is 1 to 1000");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (roomRate < 0 || roomRate > 1_000_000) {
            throw new IllegalArgumentException("--room is 0 (no room) to 1000000 customers a minute");
        }
        if (openingIn.isNegative() || openingIn.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("--opening-in is 0 to 30 minutes");
        }
        if (admissionMinutes < 1 || admissionMinutes > 120) {
            throw new IllegalArgumentException("--admission-minutes is 1 to 120");
        }
        if (waitingHeap && roomRate == 0) {
            throw new IllegalArgumentException("--waiting-heap measures the waiting room's long polls: give --room");
        }
        if (holdBound.isZero() || holdBound.isNegative()) {
            throw new IllegalArgumentException("--hold-bound must be positive");
        }
        if (think.isNegative() || think.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("--think is 0 to 1 minute");
        }
        if (holdLife.isZero() || holdLife.isNegative()) {
            throw new IllegalArgumentException("--hold-life must be positive");
        }
        if (phaseLimit.isZero() || phaseLimit.isNegative() || phaseLimit.compareTo(holdLife) >= 0) {
            throw new IllegalArgumentException("--phase-limit is positive and under --hold-life (" + holdLife
                    + "): a hold that ended during the race would free its seats again");
        }
    }

    @Override
    protected boolean run() throws IOException, InterruptedException {
        return new ArenaBenchmark(this, System.out).run();
    }

    int seats() {
        return seats;
    }

    /** Seats per row, a multiple of 50; the catalog takes at most 500 rows. */
    int seatsPerRow() {
        return seatsPerRow;
    }

    int customers() {
        return customers;
    }

    /**
     * Requests in flight at most: the customers' connections end at an ingress, which keeps this many to the
     * gateway.
     */
    int connections() {
        return connections;
    }

    /** Seat-map streams opened next to the customers; the first is the customers' shared view. */
    int streams() {
        return streams;
    }

    long seed() {
        return seed;
    }

    Duration timeout() {
        return timeout;
    }

    /** Customers the waiting room admits a minute; 0 for none. */
    int roomRate() {
        return roomRate;
    }

    /** How long after the race's start the room opens. */
    Duration openingIn() {
        return openingIn;
    }

    int admissionMinutes() {
        return admissionMinutes;
    }

    Duration holdBound() {
        return holdBound;
    }

    /** Whether to measure waiting-service's live heap before the opening, without and with the long polls. */
    boolean waitingHeap() {
        return waitingHeap;
    }

    /** A customer's mean pause before each hold attempt after its first; zero for none. */
    Duration think() {
        return think;
    }

    /**
     * The race stops sending after this long (from the room's opening, with a room: no hold comes before it), so that
     * no hold can expire during the run (5 minutes).
     */
    Duration phaseLimit() {
        return phaseLimit;
    }
}
