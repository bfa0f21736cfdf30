package dev.shopstream.payments.privacy;

import dev.shopstream.payments.events.PaymentEvents;
import dev.shopstream.payments.intent.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The personal data payments holds about a customer, and how it is pseudonymised when they are erased:
 * <ul>
 *   <li>{@code payment_intent.customer_id} (their Keycloak id; invoices and credit notes print it) becomes the
 *       pseudonym, so a customer token no longer matches and the intent's version moves on;</li>
 *   <li>{@code payment_intent.payment_method_token} (the provider's handle on their card) is erased, except on
 *       payments still {@code unknown}: the resolver may have to repeat their authorization with it;</li>
 *   <li>{@code payment.events} still in the outbox carry {@code customerId}: it becomes the pseudonym.</li>
 * </ul>
 * The ledger names no customer and stays append-only; the provider's own records (sandbox tables) hold none.
 */
@ApplicationScoped
public class CustomerRecords {

    static final String ERASED_TOKEN = "erased";

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    /** @return how many payments named the customer */
    @Transactional(Transactional.TxType.MANDATORY)
    public int pseudonymise(String customerId, String pseudonym) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement intents = connection.prepareStatement("""
                     UPDATE payment_intent
                        SET customer_id = ?,
                            payment_method_token = CASE WHEN status = ? THEN payment_method_token ELSE ? END,
                            version = version + 1
                      WHERE customer_id = ?""");
             PreparedStatement events = connection.prepareStatement("""
                     UPDATE outbox SET payload = jsonb_set(payload, '{data,customerId}', to_jsonb(CAST(? AS text)))
                      WHERE topic = ? AND payload -> 'data' ->> 'customerId' = ?""")) {
            intents.setString(1, pseudonym);
            intents.setString(2, PaymentStatus.UNKNOWN.code());
            intents.setString(3, ERASED_TOKEN);
            intents.setString(4, customerId);
            int payments = intents.executeUpdate();
            events.setString(1, pseudonym);
            events.setString(2, PaymentEvents.TOPIC);
            events.setString(3, customerId);
            events.executeUpdate();
            return payments;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pseudonymise the payments of an erased customer", e);
        }
    }
}
