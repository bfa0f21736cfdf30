package dev.shopstream.notifications.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static Backoff withRandom(double random) {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> random);
    }

    @Test
    void doublesAfterEachFailedAttemptUpToTheCap() {
        Backoff noJitter = withRandom(0);
        assertThat(noJitter.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(noJitter.after(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(noJitter.after(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(noJitter.after(5000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterShortensThePauseByUpToAHalf() {
        assertThat(withRandom(0.5).after(3)).isEqualTo(Duration.ofSeconds(6));
        assertThat(withRandom(0.999_999).after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(withRandom(0.999_999).after(10)).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }
}
