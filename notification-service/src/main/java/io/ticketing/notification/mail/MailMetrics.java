package io.ticketing.notification.mail;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketing.starter.metrics.CachedQuery;

/**
 * The mails' meters: {@code ticketing.mails} counts every attempt to send one, by kind, {@code sent} or {@code failed}
 * (a failure that will be retried counts as failed too), and {@code ticketing.mails.pending} is how many wait to be
 * sent (due, leased or waiting to be retried). The backlog is counted in the database at most every
 * {@link #PENDING_REFRESH}, whenever it is read, so however often it is scraped it costs at most one query per
 * period. Counters are built once, up front.
 */
@Component
class MailMetrics {

    /** How long a count of the backlog is reused before it is counted again. */
    static final Duration PENDING_REFRESH = Duration.ofSeconds(5);

    private final Map<Mail.Kind, Counter> sent = new EnumMap<>(Mail.Kind.class);
    private final Map<Mail.Kind, Counter> failed = new EnumMap<>(Mail.Kind.class);
    private final CachedQuery<Long> pending;

    MailMetrics(MeterRegistry registry, MailRepository queue) {
        this.pending = new CachedQuery<>("the pending mails", PENDING_REFRESH, queue::pending);
        for (Mail.Kind kind : Mail.Kind.values()) {
            sent.put(kind, attempts(kind, "sent").register(registry));
            failed.put(kind, attempts(kind, "failed").register(registry));
        }
        Gauge.builder("ticketing.mails.pending", this, MailMetrics::pending)
                .description("Mails waiting to be sent, retries included (counted at most every 5 s)")
                .strongReference(true).register(registry);
    }

    void sent(Mail.Kind kind) {
        sent.get(kind).increment();
    }

    void failed(Mail.Kind kind) {
        failed.get(kind).increment();
    }

    /** The backlog as last counted, counted again when older than {@link #PENDING_REFRESH}; NaN while it cannot be. */
    double pending() {
        return pending.get().map(Long::doubleValue).orElse(Double.NaN);
    }

    private static Counter.Builder attempts(Mail.Kind kind, String outcome) {
        return Counter.builder("ticketing.mails").description("Attempts to send a mail, by kind and outcome")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome);
    }
}
