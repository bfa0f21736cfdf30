package dev.shopstream.notifications.push;

import dev.shopstream.commons.domain.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registering a device for push. A token is one app installation: registering it again changes nothing but its
 * platform and when it was last registered; registering a token another user had moves it to the caller (the app is
 * now signed in as them, so their notifications go there, no longer the other's). A user may have
 * {@code shopstream.notifications.push.max-devices-per-user} devices; one more is refused.
 */
@ApplicationScoped
public class Devices {

    /** The most devices a user may have, whatever the configuration says: they are listed in one answer. */
    public static final int MAX_PER_USER = 100;

    @Inject
    DeviceStore store;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.push.max-devices-per-user")
    int maxPerUser;

    /** The device and whether this call registered it (rather than registering it again). */
    public record Registration(Device device, boolean created) {
    }

    @Transactional
    public Registration register(String userId, Device.Platform platform, String token) {
        store.lock(userId, token);
        Device known = store.byToken(token).orElse(null);
        if (known != null && known.userId().equals(userId)) {
            return new Registration(store.registeredAgain(known.id(), platform), false);
        }
        int cap = Math.min(maxPerUser, MAX_PER_USER);
        if (store.countOf(userId) >= cap) {
            throw new RuleViolationException("A user may register at most " + cap + " devices; delete one first.");
        }
        if (known != null) {
            store.gone(known.id());
        }
        return new Registration(store.add(userId, platform, token), true);
    }
}
