package dev.shopstream.notifications.recipient;

import dev.shopstream.commons.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * Which customer placed which order when, learned from {@code order.lifecycle} {@code created}: what broadcasts to
 * the customers with orders in a period select by. Forgotten on {@code user.deleted}.
 */
@ApplicationScoped
public class OrderHistory {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void connect() {
        jdbc = new Jdbc(dataSource);
    }

    /** Records the order; an order recorded before keeps its first record. */
    public void ordered(String orderId, String customerId, Instant at) {
        jdbc.update("""
                INSERT INTO customer_order (order_id, customer_id, ordered_at) VALUES (?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING
                """, orderId, customerId, at);
    }

    /** @return how many orders of the customer were known; they are forgotten */
    public int forget(String customerId) {
        return jdbc.update("DELETE FROM customer_order WHERE customer_id = ?", customerId);
    }
}
