package dev.shopstream.admin.users;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountChangesTest {

    @Test
    void supportChangesCustomerAccountsOnly() {
        assertThat(AccountChanges.allowed(false, Set.of("customer"))).isTrue();
        assertThat(AccountChanges.allowed(false, Set.of())).isTrue();
        assertThat(AccountChanges.allowed(false, Set.of("customer", "support"))).isFalse();
        assertThat(AccountChanges.allowed(false, Set.of("admin"))).isFalse();
        assertThat(AccountChanges.allowed(false, Set.of("integrator"))).isFalse();
    }

    @Test
    void adminsChangeEveryAccount() {
        assertThat(AccountChanges.allowed(true, Set.of("admin", "support"))).isTrue();
        assertThat(AccountChanges.allowed(true, Set.of("customer"))).isTrue();
    }
}
