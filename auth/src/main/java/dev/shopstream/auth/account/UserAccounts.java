package dev.shopstream.auth.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What this service remembers of a Keycloak user ({@code user_account}): only whether its e-mail address was already
 * known to be verified, so that the change is announced exactly once although Keycloak tells no one.
 */
@ApplicationScoped
public class UserAccounts {

    @Resource(lookup = "jdbc/shopstream")
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(String userId) {
        update("INSERT INTO user_account (user_id, email_verified) VALUES (?, false)", userId);
    }

    /**
     * Records that the address is verified. True only for the one call that saw it change from unverified; a user
     * this service never registered (e.g. the demo users) is remembered as verified without a change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean verified(String userId) {
        if (update("UPDATE user_account SET email_verified = true WHERE user_id = ? AND NOT email_verified", userId) == 1) {
            return true;
        }
        update("INSERT INTO user_account (user_id, email_verified) VALUES (?, true) ON CONFLICT (user_id) DO NOTHING",
                userId);
        return false;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String userId) {
        update("DELETE FROM user_account WHERE user_id = ?", userId);
    }

    private int update(String sql, String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, userId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update user_account for " + userId, e);
        }
    }
}
