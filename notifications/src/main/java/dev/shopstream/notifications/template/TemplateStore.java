package dev.shopstream.notifications.template;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Templates and their versions. A template's row says which version is in use and carries its own row version for
 * optimistic locking: an edit or a rollback based on a template read before someone else's change is refused.
 */
@ApplicationScoped
public class TemplateStore {

    /** The most templates {@link #all()} lists, in notice, channel and locale order. */
    public static final int MAX_TEMPLATES_LISTED = 1_000;
    /** The most versions {@link #versions} lists, the newest; an older one can still be put back in use. */
    public static final int MAX_VERSIONS_LISTED = 100;

    private static final String COLUMNS = """
            v.notice, v.channel, v.locale, v.version, v.subject, v.text_body, v.html_body, v.author, v.created_at
            """;

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** A template with the version in use and the row version edits are checked against. */
    public record Current(Template template, long rowVersion) {
    }

    public Optional<Current> current(TemplateKey key) {
        return jdbc.first("SELECT " + COLUMNS + ", t.row_version FROM template t JOIN template_version v"
                        + " ON (v.notice, v.channel, v.locale, v.version)"
                        + " = (t.notice, t.channel, t.locale, t.current_version)"
                        + " WHERE t.notice = ? AND t.channel = ? AND t.locale = ?",
                row -> new Current(template(row), row.getLong("row_version")),
                key.notice(), key.channel().code(), key.locale());
    }

    /** Every template's version in use, by notice, channel and locale (at most {@link #MAX_TEMPLATES_LISTED}). */
    public List<Current> all() {
        return jdbc.list("SELECT " + COLUMNS + ", t.row_version FROM template t JOIN template_version v"
                        + " ON (v.notice, v.channel, v.locale, v.version)"
                        + " = (t.notice, t.channel, t.locale, t.current_version)"
                        + " ORDER BY t.notice, t.channel, t.locale LIMIT " + MAX_TEMPLATES_LISTED,
                row -> new Current(template(row), row.getLong("row_version")));
    }

    /** A template's versions, newest first (at most {@link #MAX_VERSIONS_LISTED}). */
    public List<Template> versions(TemplateKey key) {
        return jdbc.list("SELECT " + COLUMNS + " FROM template_version v"
                        + " WHERE v.notice = ? AND v.channel = ? AND v.locale = ? ORDER BY v.version DESC"
                        + " LIMIT " + MAX_VERSIONS_LISTED,
                TemplateStore::template, key.notice(), key.channel().code(), key.locale());
    }

    public Optional<Template> version(TemplateKey key, int version) {
        return jdbc.first("SELECT " + COLUMNS + " FROM template_version v"
                        + " WHERE v.notice = ? AND v.channel = ? AND v.locale = ? AND v.version = ?",
                TemplateStore::template, key.notice(), key.channel().code(), key.locale(), version);
    }

    /**
     * Adds a version and puts it in use; a template that did not exist in this locale yet is created.
     *
     * @return the new version
     */
    @Transactional
    public Template add(TemplateKey key, String subject, String textBody, String htmlBody, String author,
                        ExpectedVersion expected) {
        Optional<Current> current = lockedCurrent(key);
        current.ifPresent(found -> expected.check(found.rowVersion()));
        int version = current.map(found -> latestVersion(key) + 1).orElse(1);
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO template_version (notice, channel, locale, version, subject, text_body, html_body, author,
                                              created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, key.notice(), key.channel().code(), key.locale(), version, subject, textBody, htmlBody, author,
                now);
        jdbc.update("""
                INSERT INTO template (notice, channel, locale, current_version, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (notice, channel, locale) DO UPDATE
                    SET current_version = EXCLUDED.current_version, row_version = template.row_version + 1,
                        updated_at = EXCLUDED.updated_at
                """, key.notice(), key.channel().code(), key.locale(), version, now);
        return new Template(key, version, subject, textBody, htmlBody, author, now);
    }

    /** Puts an earlier version back in use. */
    @Transactional
    public void use(TemplateKey key, int version, ExpectedVersion expected) {
        Current current = lockedCurrent(key).orElseThrow(() -> new UnknownEntityException("Template", key));
        expected.check(current.rowVersion());
        if (version(key, version).isEmpty()) {
            throw new UnknownEntityException("Template " + key + " has no version " + version + ".");
        }
        jdbc.update("""
                UPDATE template SET current_version = ?, row_version = row_version + 1, updated_at = ?
                WHERE notice = ? AND channel = ? AND locale = ?
                """, version, Instant.now(), key.notice(), key.channel().code(), key.locale());
    }

    private Optional<Current> lockedCurrent(TemplateKey key) {
        return jdbc.first("SELECT current_version, row_version FROM template"
                        + " WHERE notice = ? AND channel = ? AND locale = ? FOR UPDATE",
                row -> row.getLong("row_version"), key.notice(), key.channel().code(), key.locale())
                .flatMap(rowVersion -> current(key).map(found -> new Current(found.template(), rowVersion)));
    }

    private int latestVersion(TemplateKey key) {
        return jdbc.first("SELECT max(version) FROM template_version WHERE notice = ? AND channel = ? AND locale = ?",
                row -> row.getInt(1), key.notice(), key.channel().code(), key.locale()).orElse(0);
    }

    private static Template template(ResultSet row) throws SQLException {
        return new Template(new TemplateKey(row.getString("notice"), TemplateKey.Channel.of(row.getString("channel")),
                row.getString("locale")), row.getInt("version"), row.getString("subject"),
                row.getString("text_body"), row.getString("html_body"), row.getString("author"),
                Jdbc.instant(row, "created_at"));
    }
}
