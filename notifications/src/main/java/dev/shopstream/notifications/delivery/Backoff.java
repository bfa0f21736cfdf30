package dev.shopstream.notifications.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: the initial pause doubled after each failed attempt, capped, and then
 * shortened by a random share of up to a half ("jitter"), so deliveries that failed together (the SMTP server was
 * down) do not all come back in the same instant.
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    /** @param failedAttempts how many attempts have failed so far (1 after the first) */
    public Duration after(int failedAttempts) {
        double millis = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, failedAttempts - 1));
        return Duration.ofMillis((long) (millis * (1 - 0.5 * random.getAsDouble())));
    }
}
