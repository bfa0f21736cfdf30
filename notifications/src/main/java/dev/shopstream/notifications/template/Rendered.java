package dev.shopstream.notifications.template;

/**
 * A template filled in for one recipient; {@code html} is absent for channels without it. The values filled in make
 * it longer than the template, up to the limits here: {@link TemplateRenderer} refuses a longer result.
 */
public record Rendered(String subject, String text, String html) {

    public static final int MAX_SUBJECT_LENGTH = 1_000;
    public static final int MAX_TEXT_LENGTH = 100_000;
    public static final int MAX_HTML_LENGTH = 500_000;
}
