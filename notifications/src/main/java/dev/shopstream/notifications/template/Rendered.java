package dev.shopstream.notifications.template;

/** A template filled in for one recipient; {@code html} is absent for channels without it. */
public record Rendered(String subject, String text, String html) {
}
