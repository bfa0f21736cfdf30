package dev.shopstream.notifications.push;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An app installation a user registered for push notifications: the provider's token for it and its platform. */
public record Device(UUID id, long seq, String userId, Platform platform, String token, Instant createdAt,
                     Instant lastRegisteredAt) {

    /** Provider tokens are opaque: APNs' 64 hex digits, FCM's ~160 characters, a Web Push subscription's more. */
    public static final int MIN_TOKEN_LENGTH = 16;
    public static final int MAX_TOKEN_LENGTH = 4_096;

    public enum Platform {
        IOS, ANDROID, WEB;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Platform of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The token as the API shows it: its last six characters. */
    public String maskedToken() {
        return masked(token);
    }

    /** A token by its last six characters, e.g. {@code …7e8f9a}. */
    public static String masked(String token) {
        return "…" + token.substring(Math.max(0, token.length() - 6));
    }
}
