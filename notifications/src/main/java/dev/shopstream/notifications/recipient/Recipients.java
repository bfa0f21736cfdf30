package dev.shopstream.notifications.recipient;

import dev.shopstream.notifications.keycloak.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Whom a user id writes to: the address book first (kept from {@code user.registered}), then Keycloak, for accounts
 * that were never announced. A Keycloak answer is not kept: Keycloak stays the source, so a changed address is used
 * the next time.
 */
@ApplicationScoped
public class Recipients {

    /** The user id of notices to staff: their in-app messages are shared by every admin and support user. */
    public static final String STAFF = "staff";

    @Inject
    RecipientStore store;

    @Inject
    KeycloakDirectory keycloak;

    /**
     * @return empty if neither knows an address for the user
     * @throws KeycloakDirectory.DirectoryUnavailableException if Keycloak had to be asked and did not answer
     */
    public Optional<Recipient> of(String userId) {
        return store.find(userId).or(() -> keycloak.find(userId)
                .map(user -> new Recipient(user.id(), user.email(), user.firstName(), user.locale())));
    }

    /**
     * The user's phone number as Keycloak has it (user.registered carries none), asked each time.
     *
     * @throws KeycloakDirectory.DirectoryUnavailableException if Keycloak did not answer
     */
    public Optional<String> phoneNumber(String userId) {
        return keycloak.phoneNumber(userId);
    }
}
