package io.ticketing.waiting.room;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.ticketing.identity.AdmissionTokens;
import io.ticketing.starter.Ownership;
import io.ticketing.starter.RequestRejectedException;
import io.ticketing.waiting.line.Reservation;
import io.ticketing.waiting.line.WaitingProperties;

/**
 * Shows' virtual waiting rooms: admins turn one on for an on-sale and tune it, customers take a place and watch it,
 * and the gateway learns which shows' holds need an admission token. Who joins before the opening draws a random
 * number; who joins after is ranked in arrival order ({@link RoomRepository}); {@link Admission} lets them in.
 */
@Service
public class WaitingRooms {

    static final int MAX_PER_MINUTE = 1_000_000;
    static final int MAX_ADMISSION_MINUTES = 120;

    private final RoomRepository rooms;
    private final TicketRepository tickets;
    private final HoldHealthRepository health;
    private final Admission admission;
    private final RoomSignals signals;
    private final Reservation reservation;
    private final AdmissionTokens tokens;
    private final TransactionOperations transactions;
    private final RoomProperties properties;
    private final WaitingProperties waiting;
    private final RoomMetrics metrics;
    private final Clock clock;
    private final SecureRandom draws = new SecureRandom();
    private final OpeningCrowds openingCrowds;

    WaitingRooms(RoomRepository rooms, TicketRepository tickets, HoldHealthRepository health, Admission admission,
            RoomSignals signals, Reservation reservation, AdmissionTokens tokens, TransactionOperations transactions,
            RoomProperties properties, WaitingProperties waiting, RoomMetrics metrics, Clock clock) {
        this.rooms = rooms;
        this.tickets = tickets;
        this.health = health;
        this.admission = admission;
        this.signals = signals;
        this.reservation = reservation;
        this.tokens = tokens;
        this.transactions = transactions;
        this.openingCrowds = new OpeningCrowds(tickets);
        this.properties = properties;
        this.waiting = waiting;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An admin's settings for a show's room. */
    public record Settings(Instant opensAt, int admitPerMinute, int admissionMinutes) {
    }

    /** The room after an admin's change; {@code created} when there was none before. */
    public record Configured(RoomState room, boolean created) {
    }

    /**
     * Turns the show's room on, or changes it: the rate applies from the next tick; a new opening time only before
     * the opening; a room that was closed or sold out opens again, everyone keeping their place.
     */
    public Configured configure(UUID showId, Settings settings) {
        if (settings.admitPerMinute() < 1 || settings.admitPerMinute() > MAX_PER_MINUTE) {
            throw RequestRejectedException.unprocessable("INVALID_RATE",
                    "admitPerMinute is 1 to " + MAX_PER_MINUTE);
        }
        if (settings.admissionMinutes() < 1 || settings.admissionMinutes() > MAX_ADMISSION_MINUTES) {
            throw RequestRejectedException.unprocessable("INVALID_ADMISSION_MINUTES",
                    "admissionMinutes is 1 to " + MAX_ADMISSION_MINUTES);
        }
        if (reservation.counts(showId).isEmpty()) {
            throw RequestRejectedException.notFound("SHOW_NOT_FOUND", "Show " + showId + " is not on sale");
        }
        boolean created = Boolean.TRUE.equals(transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<Room> existing = rooms.lock(showId);
            if (existing.isEmpty()) {
                rooms.insert(showId, settings.opensAt(), settings.admitPerMinute(), settings.admissionMinutes(), now);
                return true;
            }
            Room room = existing.get();
            if (room.openedAt() != null && !settings.opensAt().equals(room.opensAt())) {
                throw RequestRejectedException.conflict("ROOM_ALREADY_OPEN", "The room opened at " + room.opensAt()
                        + "; its opening can no longer move (send that time to change the rest)");
            }
            boolean throttled = room.throttled() && room.effectivePerMinute() < settings.admitPerMinute();
            Room.Status status = room.on() ? room.status()
                    : room.openedAt() == null ? Room.Status.SCHEDULED : Room.Status.OPEN;
            rooms.configure(showId, status, settings.opensAt(), settings.admitPerMinute(),
                    settings.admissionMinutes(), throttled ? room.effectivePerMinute() : settings.admitPerMinute(),
                    throttled ? room.throttleReason() : null, now);
            if (status != room.status()) {
                rooms.announce(status, showId, room.admittedThrough());
            }
            return false;
        }));
        return new Configured(state(showId), created);
    }

    /** The room as its admins see it. */
    public RoomState state(UUID showId) {
        Room room = room(showId);
        Instant now = clock.instant();
        Integer seatsLeft;
        try {
            seatsLeft = reservation.counts(showId).map(Reservation.Counts::available).orElse(null);
        }
        catch (RuntimeException ex) {
            seatsLeft = null;
        }
        return new RoomState(showId, room.status(), room.opensAt(), room.admitPerMinute(), room.admissionMinutes(),
                Math.round(room.effectivePerMinute()), room.throttled(), room.throttleReason(),
                properties.holdLatencyBound().toMillis(), waiting(room), room.admittedThrough(),
                tickets.active(showId, now), seatsLeft, room.openedAt(), room.closedAt(), room.createdAt(),
                room.updatedAt());
    }

    /** The room as customers see it before they join. */
    public RoomState.Public publicState(UUID showId) {
        Room room = room(showId);
        long waitingNow = waiting(room);
        Long eta = switch (room.status()) {
            case OPEN -> room.etaSeconds(waitingNow + 1);
            case SCHEDULED -> Math.max(0, Duration.between(clock.instant(), room.opensAt()).toSeconds());
            default -> null;
        };
        return new RoomState.Public(showId, room.status(), room.opensAt(), waitingNow, eta);
    }

    /** Closes the room: holds of the show need no token any more, and who waited is told. */
    public void close(UUID showId) {
        room(showId);
        transactions.executeWithoutResult(tx -> rooms.lock(showId).ifPresent(room -> {
            if (rooms.end(showId, Room.Status.CLOSED, clock.instant())) {
                rooms.announce(Room.Status.CLOSED, showId, room.admittedThrough());
            }
        }));
    }

    /** A customer's place; {@code created} for a new one (a second join answers the first's place). */
    public record Joined(Place place, boolean created) {
    }

    /**
     * Gives the customer a place in the show's room, or the one they have. Before the opening the place is drawn at
     * the opening; after it, it is the next in arrival order.
     */
    public Joined join(UUID showId, UUID customerId) {
        Optional<Joined> had = tickets.findByCustomer(showId, customerId).map(place -> new Joined(view(place), false));
        if (had.isPresent()) {
            return had.get();
        }
        Room room = room(showId);
        if (room.status() == Room.Status.SCHEDULED && !clock.instant().isBefore(room.opensAt())) {
            admission.openIfDue(showId);
        }
        UUID ticketId = UUID.randomUUID();
        try {
            boolean taken = false;
            while (!taken) { // again when the room opened while this join waited for it: a rank now
                taken = Boolean.TRUE.equals(transactions.execute(tx -> take(ticketId, showId, customerId)));
            }
        }
        catch (DuplicateKeyException ex) {
            return new Joined(view(tickets.findByCustomer(showId, customerId).orElseThrow()), false);
        }
        metrics.joined();
        return new Joined(view(tickets.find(ticketId).orElseThrow()), true);
    }

    /** Takes a place in one transaction; false when the room opened while the join waited, to be tried again. */
    private boolean take(UUID ticketId, UUID showId, UUID customerId) {
        Instant now = clock.instant();
        Optional<Long> rank = rooms.takeRank(showId);
        if (rank.isEmpty()) {
            Room room = rooms.share(showId).orElseThrow(() -> noRoom(showId));
            switch (room.status()) {
                case OPEN -> {
                    return false;
                }
                case SOLD_OUT -> throw RequestRejectedException.conflict("SHOW_FULL",
                        "Every seat is sold or held: join the show's waiting list (POST /api/v1/shows/" + showId
                                + "/waitlist) instead");
                case CLOSED -> throw RequestRejectedException.conflict("ROOM_CLOSED",
                        "The show's waiting room is closed: hold seats directly");
                case SCHEDULED -> {
                }
            }
        }
        tickets.insert(ticketId, showId, customerId, now, draws.nextLong(), rank.orElse(null));
        return true;
    }

    /**
     * The customer's place; with {@code waitFor} above zero, answered as soon as its status changes (admitted, the
     * room opened, sold out or closed) or when that time has passed. A read that starts in an opening's quiet, or a
     * long poll answered in it, is counted once: the quiet lasts while the crowd reads.
     */
    public Place place(UUID ticketId, UUID customerId, Duration waitFor) {
        return place(ticketId, customerId, waitFor, false);
    }

    /**
     * A long poll of the customer's place: as {@link #place(UUID, UUID, Duration)}, but it waits only while the place
     * says to long-poll ({@code readAgainSeconds} zero: before the opening, or once the customer's turn may be near).
     * A place further back is answered at once, with when to read it again: a page that long-polled for the opening,
     * or any page that asks sooner than told, would otherwise hold a connection for the whole wait, and in front of
     * the near customers' long polls where connections are few (the arena's first admitted customers heard of their
     * admission only 20 s later, all at once, and their holds took seconds).
     */
    public Place poll(UUID ticketId, UUID customerId, Duration waitFor) {
        return place(ticketId, customerId, waitFor, true);
    }

    private Place place(UUID ticketId, UUID customerId, Duration waitFor, boolean whileNear) {
        TicketRepository.Place seen = owned(ticketId, customerId);
        boolean counted = countedInQuiet(seen);
        Place first = view(seen);
        Instant deadline = clock.instant()
                .plus(waitFor.compareTo(waiting.maxPoll()) > 0 ? waiting.maxPoll() : waitFor);
        if (!first.status().waits() || !clock.instant().isBefore(deadline)
                || whileNear && first.readAgainSeconds() != null && first.readAgainSeconds() > 0) {
            return first;
        }
        try (var watch = signals.watch(seen)) {
            TicketRepository.Place latest = owned(ticketId, customerId); // what changed before the watch began
            Place now = view(latest);
            for (Duration left = Duration.between(clock.instant(), deadline);
                    now.status() == first.status() && left.isPositive();
                    left = Duration.between(clock.instant(), deadline)) {
                if (watch.await(left)) {
                    latest = owned(ticketId, customerId);
                    now = view(latest);
                }
            }
            if (now.status() == first.status()) {
                latest = owned(ticketId, customerId);
                now = view(latest);
            }
            if (!counted) {
                countedInQuiet(latest);
            }
            return now;
        }
    }

    /** One gateway's report on the holds of rooms' shows, per show. */
    public record HoldReport(UUID showId, int holds, int slow, int errors) {
    }

    /** A show whose holds need a token, and from when on a hold counts as slow. */
    public record Gated(UUID showId, long slowAfterMillis) {
    }

    /** Records a gateway's report, and answers which shows' holds need an admission token now. */
    public List<Gated> gate(List<HoldReport> reports) {
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (HoldReport report : reports) {
            if (report.holds() > 0) {
                health.add(report.showId(), second, report.holds(), report.slow(), report.errors());
            }
        }
        long slowAfter = properties.slowAfter().toMillis();
        return rooms.on().stream().map(room -> new Gated(room.showId(), slowAfter)).toList();
    }

    private long waiting(Room room) {
        return room.status() == Room.Status.SCHEDULED ? tickets.beforeOpening(room.showId())
                : room.on() ? room.lastRank() - room.admittedThrough() : 0;
    }

    /** Counts a read of a place (when it starts, or a long poll's answer) if its room's opening is quiet. */
    private boolean countedInQuiet(TicketRepository.Place stored) {
        boolean quiet = stored.room().quiet(clock.instant());
        if (quiet) {
            admission.readInQuiet(stored.room().showId());
        }
        return quiet;
    }

    /**
     * The place as its customer sees it now. The first read that tells of an admission starts it again ({@link
     * TicketRepository#seeAdmission}): a page far back reads a minute or more apart, and its customer, let in sooner
     * than their page expected, loses none of it.
     */
    private Place view(TicketRepository.Place place) {
        Instant now = clock.instant();
        Ticket ticket = place.ticket();
        if (ticket.admissionUnseen() && now.isBefore(ticket.admittedUntil())) {
            ticket = ticket.seen(now, tickets.seeAdmission(ticket.ticketId(), now, place.room().admission()));
        }
        String token = ticket.admittedUntil() == null ? null
                : tokens.issue(ticket.showId(), ticket.customerId(), ticket.admittedUntil());
        long openingCrowd = ticket.rank() == null && place.room().on() ? openingCrowds.of(ticket.showId(), now) : 0;
        return Place.of(new TicketRepository.Place(ticket, place.room()), openingCrowd, now, token, properties,
                waiting.maxPoll(), ThreadLocalRandom.current().nextDouble());
    }

    private TicketRepository.Place owned(UUID ticketId, UUID customerId) {
        return Ownership.ownedBy(customerId, tickets.find(ticketId), place -> place.ticket().customerId(),
                "QUEUE_TICKET_NOT_FOUND", "Waiting-room ticket " + ticketId);
    }

    private Room room(UUID showId) {
        return rooms.find(showId).orElseThrow(() -> noRoom(showId));
    }

    private static RequestRejectedException noRoom(UUID showId) {
        return RequestRejectedException.notFound("ROOM_NOT_FOUND",
                "Show " + showId + " has no waiting room: hold its seats directly");
    }
}
