package dev.shopstream.notifications.template;

import java.time.Instant;

/**
 * One version of a template: a subject (the mail's subject or the in-app message's title), a text body and, for
 * mail, an HTML body, all Mustache. Versions are never changed; an edit adds one.
 */
public record Template(TemplateKey key, int version, String subject, String textBody, String htmlBody, String author,
                       Instant createdAt) {

    public static final int MAX_SUBJECT_LENGTH = 200;
    public static final int MAX_TEXT_BODY_LENGTH = 20_000;
    public static final int MAX_HTML_BODY_LENGTH = 100_000;
}
