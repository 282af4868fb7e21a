package io.ticketing.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    @Test
    void defaultsAreTheFullAuditOnTheLocalStack() {
        ChaosOptions options = ChaosOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.plan()).isEqualTo(FaultPlan.Shape.FULL);
        assertThat(options.faults()).isEqualTo(EnumSet.allOf(FaultKind.class));
        assertThat(options.customers()).isEqualTo(100);
        assertThat(options.shows()).isEqualTo(3);
        assertThat(options.seats()).isEqualTo(300);
        assertThat(options.postgres()).isEqualTo(new ChaosOptions.HostAndPort("127.0.0.1", 15432));
        assertThat(options.postgresUser()).isEqualTo("postgres");
        assertThat(options.redis()).isEqualTo(new ChaosOptions.HostAndPort("127.0.0.1", 16379));
        assertThat(options.kafka()).hasToString("127.0.0.1:19092");
    }

    @Test
    void readsItsOptions() {
        ChaosOptions options = ChaosOptions.parse("--duration", "3m", "--plan=short", "--faults",
                "redis-pause,db-read-only", "--customers", "40", "--seats", "100", "--seed", "7", "--gap", "5s",
                "--recovery-timeout", "90s", "--postgres", "db.local:5432", "--redis=cache:6379");

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.plan()).isEqualTo(FaultPlan.Shape.SHORT);
        assertThat(options.faults()).containsExactlyInAnyOrder(FaultKind.REDIS_PAUSE, FaultKind.DATABASE_READ_ONLY);
        assertThat(options.customers()).isEqualTo(40);
        assertThat(options.seats()).isEqualTo(100);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.gap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.recoveryTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.postgres()).isEqualTo(new ChaosOptions.HostAndPort("db.local", 5432));
        assertThat(options.redis().host()).isEqualTo("cache");
    }

    @Test
    void readsTheShortAuditOfTheSystemTests() {
        ChaosOptions options = ChaosOptions.parse("--gateway", "http://127.0.0.1:8080", "--plan", "short", "--duration",
                "0s", "--customers", "40", "--shows", "1", "--seats", "150", "--gap", "5s", "--recovery-timeout", "2m",
                "--settle-timeout", "2m");

        assertThat(options.plan()).isEqualTo(FaultPlan.Shape.SHORT);
        assertThat(options.duration()).isZero();
        assertThat(options.shows()).isEqualTo(1);
        assertThat(options.settleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesWhatCannotBeRun() {
        assertThatThrownBy(() -> ChaosOptions.parse("--faults", "meteor-strike"))
                .hasMessageContaining("Unknown fault 'meteor-strike'").hasMessageContaining("kill-service");
        assertThatThrownBy(() -> ChaosOptions.parse("--faults", ",")).hasMessageContaining("names no fault");
        assertThatThrownBy(() -> ChaosOptions.parse("--plan", "medium"))
                .hasMessageContaining("expected one of [SHORT, FULL]");
        assertThatThrownBy(() -> ChaosOptions.parse("--seats", "120")).hasMessageContaining("multiple of 50");
        assertThatThrownBy(() -> ChaosOptions.parse("--customers", "0")).hasMessageContaining("--customers");
        assertThatThrownBy(() -> ChaosOptions.parse("--redis", "cache"))
                .hasMessage("Invalid value for option '--redis': 'cache' is not HOST:PORT");
        assertThatThrownBy(() -> ChaosOptions.parse("--recovery-timeout", "0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ChaosOptions.parse("--fast")).hasMessage("Unknown option: '--fast'");
    }
}
