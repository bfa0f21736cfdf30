package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;

/** Whether a user receives messages of a category on a channel. */
public record Preference(Category category, Channel channel, boolean enabled) {
}
