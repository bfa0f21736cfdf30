package dev.shopstream.commons.inbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Remembers which events a consumer has processed, in the consumer's own transaction: a redelivered event finds
 * its id already recorded and has no second effect, and a rolled-back effect leaves no record behind.
 */
@ApplicationScoped
public class Inbox {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    public Inbox() {
    }

    Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the event's effect once per consumer, in a transaction of its own that also records the event.
     *
     * @return {@code true} if the effect was applied now, {@code false} for a duplicate delivery
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyOnce(String consumer, ReceivedEvent event, EventHandler handler) {
        if (!recordFirstDelivery(consumer, event.id())) {
            return false;
        }
        handler.apply(event);
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, String eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " in the inbox", e);
        }
    }
}
