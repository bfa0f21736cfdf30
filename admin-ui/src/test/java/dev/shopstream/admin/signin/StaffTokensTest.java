package dev.shopstream.admin.signin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StaffTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static StaffTokens withRolesExpiring(Set<String> roles, Instant expiry) {
        return new StaffTokens("admin", "Ada Admin", roles, "access", expiry, "refresh", "id");
    }

    @Test
    void tokensAreRenewedWithinTheMarginBeforeTheyExpire() {
        assertThat(withRolesExpiring(Set.of("admin"), NOW.plusSeconds(59)).expireWithin(Duration.ofSeconds(60), NOW))
                .isTrue();
        assertThat(withRolesExpiring(Set.of("admin"), NOW.plusSeconds(61)).expireWithin(Duration.ofSeconds(60), NOW))
                .isFalse();
    }

    @Test
    void onlyAdminsAndSupportAreStaff() {
        assertThat(withRolesExpiring(Set.of("admin"), NOW).isStaff()).isTrue();
        assertThat(withRolesExpiring(Set.of("support", "customer"), NOW).isStaff()).isTrue();
        assertThat(withRolesExpiring(Set.of("customer"), NOW).isStaff()).isFalse();
        assertThat(withRolesExpiring(Set.of("integrator"), NOW).isStaff()).isFalse();
    }
}
