package dev.shopstream.notifications.preference;

import dev.shopstream.commons.db.Jdbc;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The choices users made; a category and channel without a row has the category's default. */
@ApplicationScoped
public class PreferenceStore {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    public List<Preference> stored(String userId) {
        return jdbc.list("SELECT category, channel, enabled FROM preference WHERE user_id = ?",
                row -> new Preference(Category.of(row.getString(1)), Channel.of(row.getString(2)),
                        row.getBoolean(3)), userId);
    }

    public Optional<Boolean> enabled(String userId, Category category, Channel channel) {
        return jdbc.first("SELECT enabled FROM preference WHERE user_id = ? AND category = ? AND channel = ?",
                row -> row.getBoolean(1), userId, category.code(), channel.code());
    }

    /** Stores a choice, or replaces the one made before. */
    public void save(String userId, Preference preference) {
        jdbc.update("""
                INSERT INTO preference (user_id, category, channel, enabled, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id, category, channel) DO UPDATE
                    SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
                """, userId, preference.category().code(), preference.channel().code(), preference.enabled(),
                Instant.now());
    }

    /** @return how many choices the user had made; they are deleted */
    public int forget(String userId) {
        return jdbc.update("DELETE FROM preference WHERE user_id = ?", userId);
    }
}
