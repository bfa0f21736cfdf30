package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;

import java.util.Locale;

/**
 * Why a message is sent, which decides, channel by channel, whether its recipient receives it before choosing and
 * whether they may refuse it. Transactional messages (an order's progress, a welcome, staff notices) always go out
 * by mail and in the shop; by push they go out until the user switches push off; by SMS (which costs per message and
 * reaches a phone number) only to users who opted in. Marketing goes only to those who opted in, on every channel.
 */
public enum Category {
    TRANSACTIONAL, MARKETING;

    /** Whether nobody can switch it off on the channel. */
    public boolean alwaysOn(Channel channel) {
        return this == TRANSACTIONAL && (channel == Channel.EMAIL || channel == Channel.IN_APP);
    }

    /** Whether a user who made no choice receives it on the channel. */
    public boolean onByDefault(Channel channel) {
        return this == TRANSACTIONAL && channel != Channel.SMS;
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
