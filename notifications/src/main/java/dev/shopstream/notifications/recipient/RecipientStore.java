package dev.shopstream.notifications.recipient;

import dev.shopstream.commons.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/** The address book: who a user id writes to, kept from {@code user.events}. */
@ApplicationScoped
public class RecipientStore {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** Stores the recipient, or replaces what was known about them. */
    public void save(Recipient recipient) {
        jdbc.update("""
                INSERT INTO recipient (user_id, email, first_name, locale, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE
                    SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, locale = EXCLUDED.locale,
                        updated_at = EXCLUDED.updated_at
                """, recipient.userId(), recipient.email(), recipient.firstName(), recipient.locale(), Instant.now());
    }

    public Optional<Recipient> find(String userId) {
        return jdbc.first("SELECT email, first_name, locale FROM recipient WHERE user_id = ?",
                row -> new Recipient(userId, row.getString(1), row.getString(2), row.getString(3)), userId);
    }

    /** @return whether the user was known */
    public boolean forget(String userId) {
        return jdbc.update("DELETE FROM recipient WHERE user_id = ?", userId) > 0;
    }
}
