package dev.shopstream.notifications.template;

import java.time.Instant;

/**
 * One version of a template: a subject (the mail's subject or the in-app message's title), a text body and, for
 * mail, an HTML body, all Mustache. Versions are never changed; an edit adds one.
 */
public record Template(TemplateKey key, int version, String subject, String textBody, String htmlBody, String author,
                       Instant createdAt) {
}
