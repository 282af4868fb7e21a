package io.ticketing.benchmarks.holdrate;

/**
 * The phases of a hold-rate run, in the order they run: each sends one kind of request, and one status means it was
 * served as intended (a successful operation).
 */
enum Phase {

    /** {@code POST /api/v1/no-op} to reservation-service itself, with the identity headers the gateway would add. */
    NO_OP_DIRECT("no-op direct", 204, false),
    /** The same no-op through the gateway: API key, session, rate limits, routing, one hop. */
    NO_OP_GATEWAY("no-op via gateway", 204, true),
    /** Two adjacent free seats per request, every pair once, no customer above its 10 seats. */
    HOLDS("holds via gateway", 201, true),
    /** The same pairs again, held by then: {@code 409 SEATS_HELD}, the cost of a refusal. */
    REFUSED_HOLDS("refused holds via gateway", 409, true),
    /**
     * {@code GET /api/v1/shows/{showId}/seats} of a show of its own, a third of its seats held, by anonymous readers
     * that accept gzip: the map everyone sees, as an on-sale rush reads it.
     */
    SEAT_MAP("seat-map reads via gateway", 200, true);

    private final String label;
    private final int expectedStatus;
    private final boolean viaGateway;

    Phase(String label, int expectedStatus, boolean viaGateway) {
        this.label = label;
        this.expectedStatus = expectedStatus;
        this.viaGateway = viaGateway;
    }

    String label() {
        return label;
    }

    int expectedStatus() {
        return expectedStatus;
    }

    boolean viaGateway() {
        return viaGateway;
    }

    /** Whether it walks the show's seat pairs (each thread its own slice) rather than repeating one request per customer. */
    boolean walksSeatPairs() {
        return this == HOLDS || this == REFUSED_HOLDS;
    }
}
