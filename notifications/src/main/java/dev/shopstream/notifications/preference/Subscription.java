package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;

/** One user's messages of one category on one channel: what an unsubscribe link switches off. */
public record Subscription(String userId, Category category, Channel channel) {
}
