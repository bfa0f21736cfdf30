package dev.shopstream.auth.keycloak;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShopRoleTest {

    @Test
    void onlyTheShopsRolesAreShopRoles() {
        assertThat(ShopRole.among(List.of("default-roles-shopstream", "offline_access", "support", "mfa-required",
                "customer", "service"))).containsExactly("customer", "support");
        assertThat(ShopRole.of("admin")).hasValue(ShopRole.ADMIN);
        assertThat(ShopRole.of("realm-admin")).isEmpty();
    }
}
