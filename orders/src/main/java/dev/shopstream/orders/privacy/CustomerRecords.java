package dev.shopstream.orders.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The person's data in orders' tables, in SQL: one set-based statement per table. */
@ApplicationScoped
public class CustomerRecords {

    private static final String ERASED_ADDRESS = """
            {"name": "erased", "line1": "erased", "postalCode": "erased", "city": "erased", "country": "ZZ"}""";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /** @return what was changed, for the log */
    public String pseudonymise(String customerId, String pseudonym) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement orders = connection.prepareStatement("""
                     UPDATE customer_order SET customer_id = ?, shipping_address = CAST(? AS jsonb),
                            payment_method_token = 'erased'
                      WHERE customer_id = ?""");
             PreparedStatement cart = connection.prepareStatement("DELETE FROM cart WHERE customer_id = ?")) {
            orders.setString(1, pseudonym);
            orders.setString(2, ERASED_ADDRESS);
            orders.setString(3, customerId);
            int erased = orders.executeUpdate();
            cart.setString(1, customerId);
            cart.executeUpdate();
            return erased + " orders";
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pseudonymise the orders of a deleted user", e);
        }
    }
}
