package dev.shopstream.auth.registration;

import dev.shopstream.auth.account.UserAccounts;
import dev.shopstream.auth.events.UserEvents;
import dev.shopstream.auth.keycloak.KeycloakAdmin;
import dev.shopstream.auth.keycloak.KeycloakCalls;
import dev.shopstream.auth.keycloak.KeycloakRefusedException;
import dev.shopstream.auth.keycloak.PasswordPolicyRule;
import dev.shopstream.auth.keycloak.ShopRole;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.json.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-up and password reset through Keycloak's admin API. A new customer is created with the verify-e-mail action
 * pending (so they cannot sign in before following the link Keycloak mails them), gets the password Keycloak's
 * policy accepts and the customer role; the event {@code registered} is written in the same transaction.
 */
@ApplicationScoped
public class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class.getName());
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakCalls calls;

    @Resource
    ManagedExecutorService executor;

    @Inject
    UserAccounts accounts;

    @Inject
    UserEvents events;

    /**
     * @return the new user's id
     * @throws StateConflictException when the address is taken
     */
    @Transactional
    public String register(NewCustomer customer) {
        String email = customer.email().strip().toLowerCase(Locale.ROOT);
        String userId = create(email, customer);
        try {
            UserResource user = keycloak.realm().users().get(userId);
            setPassword(user, userId, customer.password());
            calls.run("User", userId, () -> user.roles().realmLevel().add(List.of(
                    keycloak.realm().roles().get(ShopRole.CUSTOMER.roleName()).toRepresentation())));
            accounts.registered(userId);
            events.registered(new UserEvents.Registered(userId, email, customer.firstName(), customer.lastName(),
                    customer.locale(), Instant.now()));
            calls.run("User", userId, user::sendVerifyEmail);
            return userId;
        } catch (RuntimeException e) {
            // Keycloak has no transaction to roll back: remove the half-made account, so the address is free again.
            removeQuietly(userId);
            throw e;
        }
    }

    /**
     * Mails the user Keycloak's update-password link when the address belongs to an enabled account, and does nothing
     * otherwise. It runs after the answer, so neither the answer nor its timing tells the caller which it was.
     */
    public void requestPasswordReset(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        executor.execute(() -> {
            try {
                keycloak.realm().users().searchByEmail(address, true).stream()
                        .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
                        .findFirst()
                        .ifPresent(user -> keycloak.realm().users().get(user.getId())
                                .executeActionsEmail(List.of(UPDATE_PASSWORD)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not send a password reset mail", e);
            }
        });
    }

    private String create(String email, NewCustomer customer) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(customer.firstName());
        user.setLastName(customer.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(List.of(VERIFY_EMAIL));
        if (customer.locale() != null) {
            user.setAttributes(Map.of("locale", List.of(customer.locale())));
        }
        return calls.create("User", email, () -> keycloak.realm().users().create(user),
                "An account with this e-mail address already exists.");
    }

    private void setPassword(UserResource user, String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        try {
            calls.run("User", userId, () -> user.resetPassword(credential));
        } catch (KeycloakRefusedException e) {
            throw policyViolation(e).orElseThrow(() -> new IllegalStateException(
                    "Keycloak refused the password of user " + userId + " without naming a policy rule", e));
        }
    }

    /** Keycloak answers a refused password with {@code {"error": "<message key>", "error_description": "..."}}. */
    private static Optional<RuntimeException> policyViolation(KeycloakRefusedException e) {
        try {
            JsonObject error = Jsonp.createReader(new StringReader(e.answer())).readObject();
            return PasswordPolicyRule.fromKeycloakError(error.getString("error", ""), error.getString("error_description", ""))
                    .map(PasswordPolicyRule::toProblem);
        } catch (JsonException | IllegalStateException | ClassCastException e2) {
            LOG.log(Level.WARNING, "Unreadable answer from Keycloak to a refused password", e2);
            return Optional.empty();
        }
    }

    private void removeQuietly(String userId) {
        try {
            calls.delete("User", userId, () -> keycloak.realm().users().delete(userId));
            LOG.fine(() -> "Removed the incomplete account " + userId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the incomplete account " + userId, e);
        }
    }
}
