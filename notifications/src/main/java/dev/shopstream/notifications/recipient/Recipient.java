package dev.shopstream.notifications.recipient;

import java.util.Optional;

/** Someone notifications writes to: a shopper (from {@code user.registered}) or the staff's shared address. */
public record Recipient(String userId, String email, String firstName, String locale) {

    /** The recipient's locale, or {@code fallback} when they gave none. */
    public String localeOr(String fallback) {
        return Optional.ofNullable(locale).filter(given -> !given.isBlank()).orElse(fallback);
    }
}
