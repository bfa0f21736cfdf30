package dev.shopstream.notifications.recipient;

import java.util.Optional;

/** Someone notifications writes to: a shopper (from {@code user.registered}) or the staff's shared address. */
public record Recipient(String userId, String email, String firstName, String locale) {

    /** The longest address mail can go to (RFC 5321); a longer one is as good as none. */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** The recipient's locale, or {@code fallback} when they gave none. */
    public String localeOr(String fallback) {
        return Optional.ofNullable(locale).filter(given -> !given.isBlank()).orElse(fallback);
    }
}
