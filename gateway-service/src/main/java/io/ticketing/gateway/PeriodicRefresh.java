package io.ticketing.gateway;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a gateway instance keeps in memory and refreshes from elsewhere every interval while it runs (sign-outs from
 * Redis, waiting rooms from waiting-service), so that a request checks it without a call: the first refresh at start,
 * then one every interval, never two at once (a tick that comes while the last refresh still runs is skipped).
 */
public abstract class PeriodicRefresh implements SmartLifecycle {

    private final Duration interval;
    private Disposable polling;

    protected PeriodicRefresh(Duration interval) {
        this.interval = interval;
    }

    /** One refresh; it handles its own failures (what it read last stays in force), the next tick tries again. */
    protected abstract Mono<Void> refresh();

    @Override
    public final void start() {
        polling = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> refresh(), 1)
                .subscribe();
    }

    @Override
    public final void stop() {
        polling.dispose();
    }

    @Override
    public final boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
