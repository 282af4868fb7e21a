package io.ticketing.notification.ticket;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.metrics.AfterCommit;

/**
 * The tickets' meters: {@code ticketing.tickets.issued} (one per seat of a confirmed booking, once however often the
 * booking arrives) and {@code ticketing.tickets.admitted} (every scan at the door, by its answer). Issued tickets and
 * admissions count when their transaction commits. Counters are built once, up front.
 */
@Component
class TicketMetrics {

    private static final String ADMISSIONS = "ticketing.tickets.admitted";

    private final Counter issued;
    private final Counter admitted;
    /** A refused scan's counter, by the problem code it is answered with. */
    private final Map<String, Counter> refused;

    TicketMetrics(MeterRegistry registry) {
        this.issued = Counter.builder("ticketing.tickets.issued")
                .description("E-tickets issued, one per seat of a confirmed booking").register(registry);
        this.admitted = admission(registry, "admitted");
        this.refused = Map.of("ALREADY_ADMITTED", admission(registry, "already_admitted"),
                "TICKET_VOID", admission(registry, "void"),
                "TICKET_INVALID", admission(registry, "invalid"),
                "WRONG_SHOW", admission(registry, "wrong_show"));
    }

    void issued(int tickets) {
        AfterCommit.run(() -> issued.increment(tickets));
    }

    void admitted() {
        AfterCommit.run(admitted::increment);
    }

    /** A scan refused with this problem code. */
    void refused(String code) {
        Counter counter = refused.get(code);
        if (counter != null) {
            counter.increment();
        }
    }

    private static Counter admission(MeterRegistry registry, String outcome) {
        return Counter.builder(ADMISSIONS).description("Tickets scanned at the door, by the answer")
                .tag("outcome", outcome).register(registry);
    }
}
