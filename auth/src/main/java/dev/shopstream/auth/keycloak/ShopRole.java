package dev.shopstream.auth.keycloak;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The realm roles the shop assigns to people and partners. Keycloak's own roles (default-roles-…, offline_access),
 * {@code service} (Shopstream's own service accounts) and {@code mfa-required} (included by support and admin) are
 * never assigned through the API.
 */
public enum ShopRole {
    CUSTOMER, SUPPORT, ADMIN, INTEGRATOR;

    /** How many shop roles there are (keep in step with the constants above): the most a user can hold. */
    public static final int COUNT = 4;

    /** The longest role name, {@code integrator}. */
    public static final int NAME_MAX_LENGTH = 10;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ShopRole> of(String roleName) {
        return Arrays.stream(values()).filter(role -> role.roleName().equals(roleName)).findFirst();
    }

    /** The shop roles among a user's realm roles, in a stable order. */
    public static Set<String> among(Iterable<String> realmRoles) {
        Set<String> names = new java.util.TreeSet<>();
        realmRoles.forEach(role -> of(role).ifPresent(shopRole -> names.add(shopRole.roleName())));
        return names;
    }

    /** Role names for messages: {@code customer, support, admin, integrator}. */
    public static String names() {
        return Arrays.stream(values()).map(ShopRole::roleName).collect(Collectors.joining(", "));
    }
}
