package io.ticketing.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * The instances of each service behind the gateway ({@code ticketing.gateway.services.<name>}: one address, or several
 * separated by commas), taken in turn. In Kubernetes each service has one address, its Service, which spreads the
 * connections; where nothing stands in front of a service's instances, the gateway spreads the requests itself.
 * <p>
 * An instance that refused a connection, or did not accept one in time, is passed over for {@link #PASS_OVER} (unless
 * every instance of the service is), and the request goes to the next instance: a request that never reached an
 * instance can go to another whatever its method ({@link #call}, and the routes' {@link ServiceRouting}).
 */
@Component
public class ServiceInstances {

    /** The message of Reactor Netty's {@link AbortedException#beforeSend()}, which has no type of its own. */
    private static final String NOT_SENT = AbortedException.beforeSend().getMessage();

    /** How long an instance that refused a connection is passed over. */
    static final Duration PASS_OVER = Duration.ofSeconds(5);

    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<String, List<URI>> all = new LinkedHashMap<>();

    @Autowired
    public ServiceInstances(GatewayProperties gateway) {
        this(gateway, System::nanoTime);
    }

    ServiceInstances(GatewayProperties gateway, LongSupplier nanoTime) {
        gateway.services().forEach((name, instances) -> {
            Pool pool = new Pool(name, instances, nanoTime);
            pools.put(name, pool);
            all.put(name, pool.instances);
        });
    }

    /** The instances of {@code service}, in the order configured. */
    public List<URI> of(String service) {
        return pool(service).instances;
    }

    /** Every service's instances, by service name. */
    public Map<String, List<URI>> all() {
        return Collections.unmodifiableMap(all);
    }

    /**
     * The instances of {@code service} in the order one request tries them: from the next in turn that is not passed
     * over, each once, those passed over last. A request's own order, so that its next attempt goes to another
     * instance however many other requests took their turns meanwhile.
     */
    public List<URI> turn(String service) {
        return pool(service).turn();
    }

    /** {@code instance} refused a connection: it is passed over for a while. */
    public void refused(String service, URI instance) {
        pool(service).refused(instance);
    }

    /**
     * Sends {@code request} to the next instance of {@code service}, and to the one after it when the request was never
     * sent to the instance (at most once to each).
     */
    public <T> Mono<T> call(String service, Function<URI, Mono<T>> request) {
        Pool pool = pool(service);
        return Mono.defer(() -> attempt(pool, request, pool.turn(), 0));
    }

    private <T> Mono<T> attempt(Pool pool, Function<URI, Mono<T>> request, List<URI> order, int tried) {
        URI instance = order.get(tried);
        return request.apply(instance).onErrorResume(ServiceInstances::neverSent, error -> {
            if (neverReached(error)) {
                pool.refused(instance);
            }
            return tried + 1 < order.size() ? attempt(pool, request, order, tried + 1) : Mono.error(error);
        });
    }

    /**
     * Whether {@code error} says that no connection to the instance was made (refused, or not accepted in time; Netty's
     * connect timeout is a {@link ConnectException} too): the request did not reach it.
     */
    static boolean neverReached(Throwable error) {
        return anyCause(error, ConnectException.class::isInstance);
    }

    /**
     * Whether the request was never written to the instance: it was not reached ({@link #neverReached}), or the pooled
     * connection the request was to go out on closed first (Reactor Netty's "closed BEFORE send": a keep-alive
     * connection the instance closed, idle or dying, just as it was taken). Such a request can go to another instance
     * whatever its method. Only the first says anything about the instance; the chaos audit on two instances saw the
     * second when one was killed (a seat-map read answered 500).
     */
    static boolean neverSent(Throwable error) {
        return neverReached(error)
                || anyCause(error, cause -> cause instanceof AbortedException && NOT_SENT.equals(cause.getMessage()));
    }

    /** Whether {@code error} or any of its causes passes {@code test}. */
    public static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private Pool pool(String service) {
        Pool pool = pools.get(service);
        if (pool == null) {
            throw new IllegalStateException("No address configured for ticketing.gateway.services." + service);
        }
        return pool;
    }

    /**
     * One service's instances, the turn, and until when each is passed over (nanoseconds since the pool was made,
     * always above 0; 0: not passed over).
     */
    private static final class Pool {

        private final List<URI> instances;
        private final AtomicInteger turn = new AtomicInteger();
        private final AtomicLongArray passedOverUntil;
        private final LongSupplier nanoTime;
        private final long origin;

        Pool(String name, List<URI> instances, LongSupplier nanoTime) {
            if (instances == null || instances.isEmpty()) {
                throw new IllegalStateException("No address configured for ticketing.gateway.services." + name);
            }
            this.instances = List.copyOf(instances);
            this.passedOverUntil = new AtomicLongArray(instances.size());
            this.nanoTime = nanoTime;
            this.origin = nanoTime.getAsLong();
        }

        /**
         * From the next instance in turn that is not passed over (one that is gives its turn to it), each instance
         * once, those passed over last.
         */
        List<URI> turn() {
            int size = instances.size();
            if (size == 1) {
                return instances;
            }
            long now = nanoTime.getAsLong() - origin;
            int first = -1;
            for (int i = 0; i < size && first < 0; i++) {
                int index = Math.floorMod(turn.getAndIncrement(), size);
                if (!passedOver(index, now)) {
                    first = index;
                }
            }
            if (first < 0) {
                // every instance refused lately: try them in turn all the same
                first = Math.floorMod(turn.getAndIncrement(), size);
            }
            List<URI> order = new ArrayList<>(size);
            List<URI> passedOver = new ArrayList<>(1);
            order.add(instances.get(first));
            for (int i = 1; i < size; i++) {
                int index = (first + i) % size;
                (passedOver(index, now) ? passedOver : order).add(instances.get(index));
            }
            order.addAll(passedOver);
            return order;
        }

        private boolean passedOver(int index, long now) {
            long until = passedOverUntil.get(index);
            return until != 0 && until - now > 0;
        }

        void refused(URI instance) {
            int index = instances.indexOf(instance);
            if (index >= 0 && instances.size() > 1) {
                passedOverUntil.set(index, nanoTime.getAsLong() - origin + PASS_OVER.toNanos());
            }
        }
    }
}
