package dev.shopstream.notifications.preference;

import java.util.Locale;

/**
 * Why a message is sent, which decides whether its recipient may refuse it: transactional messages (an order's
 * progress, a welcome, staff notices) always go out; marketing goes only to those who opted in, channel by channel.
 */
public enum Category {
    TRANSACTIONAL(true), MARKETING(false);

    private final boolean alwaysOn;

    Category(boolean alwaysOn) {
        this.alwaysOn = alwaysOn;
    }

    /** Whether nobody can switch it off; otherwise it is off until the user opts in. */
    public boolean alwaysOn() {
        return alwaysOn;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category of(String code) {
        for (Category category : values()) {
            if (category.code().equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown category " + code);
    }
}
