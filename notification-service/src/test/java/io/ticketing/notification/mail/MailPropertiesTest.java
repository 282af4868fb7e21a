package io.ticketing.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MailPropertiesTest {

    private final MailProperties properties = new MailProperties("tickets@example.com", Duration.ofSeconds(1), 20, 10,
            Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(2));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheLongest() {
        assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.retryAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(properties.retryAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(properties.retryAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.retryAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
