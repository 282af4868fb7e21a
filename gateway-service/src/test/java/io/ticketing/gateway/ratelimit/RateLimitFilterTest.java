package io.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.local.LocalChannel;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/** Where the rest of a request runs once the limiter has let it through. */
class RateLimitFilterTest {

    @Test
    void goesOnOnTheEventLoopThatReceivedTheRequest() throws Exception {
        var loop = new DefaultEventLoop();
        try {
            var channel = new LocalChannel();
            loop.register(channel).sync();
            var ranOn = new AtomicReference<Thread>();

            RateLimitFilter.onRequestEventLoop(Connection.from(channel), Mono.fromRunnable(() -> ranOn.set(
                    Thread.currentThread()))).block(Duration.ofSeconds(5));

            assertThat(loop.submit(() -> Thread.currentThread()).get()).isSameAs(ranOn.get());
        }
        finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    /** Before, the client's closed connection had no event loop to ask for, and the gateway logged an error. */
    @Test
    void doesNothingMoreForAClientThatWentAwayWhileRedisAnswered() {
        var closed = new LocalChannel();
        var ran = new AtomicReference<Boolean>(false);

        RateLimitFilter.onRequestEventLoop(Connection.from(closed), Mono.fromRunnable(() -> ran.set(true)))
                .block(Duration.ofSeconds(5));

        assertThat(ran.get()).isFalse();
    }

    @Test
    void goesOnWhereItIsWhenTheRequestIsNotNetty() {
        var ranOn = new AtomicReference<Thread>();

        RateLimitFilter.onRequestEventLoop("a mock request", Mono.fromRunnable(() -> ranOn.set(Thread.currentThread())))
                .block(Duration.ofSeconds(5));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }
}
