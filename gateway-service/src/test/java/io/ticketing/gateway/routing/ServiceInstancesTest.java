package io.ticketing.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

class ServiceInstancesTest {

    private static final URI A = URI.create("http://10.0.0.1:8082");
    private static final URI B = URI.create("http://10.0.0.2:8082");
    private static final URI C = URI.create("http://10.0.0.3:8082");

    private final AtomicLong now = new AtomicLong(-5_000_000_000L);
    private final ServiceInstances instances = new ServiceInstances(new GatewayProperties(
            Map.of("reservation", List.of(A, B, C), "booking", List.of(A)), Duration.ofSeconds(30)), now::get);

    @Test
    void takesTheInstancesInTurn() {
        assertThat(next(6)).containsExactly(A, B, C, A, B, C);
        assertThat(instances.turn("booking").getFirst()).isEqualTo(A);
    }

    @Test
    void passesOverAnInstanceThatRefusedForAWhileAndSharesItsTurnsOut() {
        instances.refused("reservation", B);
        assertThat(next(6)).containsExactly(A, C, A, C, A, C);
        now.addAndGet(ServiceInstances.PASS_OVER.toNanos());
        assertThat(next(3)).as("after the pass-over").containsExactly(A, B, C);
    }

    @Test
    void triesThemAllTheSameWhenEveryInstanceRefusedLately() {
        List.of(A, B, C).forEach(instance -> instances.refused("reservation", instance));
        assertThat(next(3)).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void neverPassesOverTheOnlyInstance() {
        instances.refused("booking", A);
        assertThat(instances.turn("booking").getFirst()).isEqualTo(A);
    }

    @Test
    void callsTheNextInstanceOnlyWhenTheRequestNeverReachedOne() {
        List<URI> tried = new ArrayList<>();
        String answer = instances.call("reservation", instance -> {
            tried.add(instance);
            return instance.equals(C) ? Mono.just("answered by C")
                    : Mono.error(new IOException("wrapped", new ConnectException("refused")));
        }).block();
        assertThat(answer).isEqualTo("answered by C");
        assertThat(tried).containsExactly(A, B, C);

        tried.clear();
        assertThatThrownBy(() -> instances.call("reservation", instance -> {
            tried.add(instance);
            return Mono.error(new IOException("connection reset"));
        }).block()).hasMessageContaining("connection reset");
        assertThat(tried).as("a request that reached an instance is not sent again").hasSize(1);
    }

    @Test
    void callsTheNextInstanceWhenTheConnectionClosedBeforeTheRequestWentOutWithoutPassingOverTheFirst() {
        List<URI> tried = new ArrayList<>();
        String answer = instances.call("reservation", instance -> {
            tried.add(instance);
            return tried.size() == 1 ? Mono.error(AbortedException.beforeSend()) : Mono.just("answered");
        }).block();
        assertThat(answer).isEqualTo("answered");
        assertThat(tried).containsExactly(A, B);
        assertThat(next(3)).as("the request took one turn, and A's comes again: it refused nothing")
                .containsExactly(B, C, A);

        assertThat(ServiceInstances.neverSent(new AbortedException("Connection reset"))).isFalse();
        assertThat(ServiceInstances.neverSent(new IOException("wrapped", AbortedException.beforeSend()))).isTrue();
    }

    @Test
    void givesEachRequestAnOrderOfItsOwnWithThePassedOverLast() {
        assertThat(instances.turn("reservation")).containsExactly(A, B, C);
        assertThat(instances.turn("reservation")).containsExactly(B, C, A);
        instances.refused("reservation", A);
        assertThat(instances.turn("reservation")).containsExactly(C, B, A);
        assertThat(instances.turn("reservation")).containsExactly(B, C, A);
        assertThat(instances.turn("booking")).containsExactly(A);
    }

    @Test
    void triesTheOtherInstancesNextHoweverManyTurnsOtherRequestsTakeMeanwhile() {
        List<URI> tried = new ArrayList<>();
        String answer = instances.call("reservation", instance -> {
            tried.add(instance);
            if (tried.size() == 1) {
                // two other requests take their turns (B's and C's) while this one's connection closes
                instances.turn("reservation");
                instances.turn("reservation");
                return Mono.error(AbortedException.beforeSend());
            }
            return Mono.just("answered");
        }).block();
        assertThat(answer).isEqualTo("answered");
        assertThat(tried).as("not A again, whose turn came round").containsExactly(A, B);
    }

    @Test
    void givesUpAfterTryingEachInstanceOnce() {
        List<URI> tried = new ArrayList<>();
        assertThatThrownBy(() -> instances.call("reservation", instance -> {
            tried.add(instance);
            return Mono.error(new ConnectException("refused"));
        }).block()).hasMessageContaining("refused");
        assertThat(tried).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void refusesAServiceWithoutAnAddress() {
        assertThatThrownBy(() -> instances.turn("payment")).hasMessageContaining("ticketing.gateway.services.payment");
    }

    private List<URI> next(int count) {
        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(instances.turn("reservation").getFirst());
        }
        return chosen;
    }
}
