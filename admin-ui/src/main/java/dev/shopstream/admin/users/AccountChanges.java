package dev.shopstream.admin.users;

import java.util.Collection;

/**
 * Who may disable, enable or sign out an account, as auth decides it: admins any account; support only customers
 * (an account holding any other shop role is an admin's business, so support cannot lock out the admins). The
 * console shows a staff member only the buttons this allows; auth refuses the rest anyway (403).
 */
final class AccountChanges {

    static final String CUSTOMER = "customer";

    private AccountChanges() {
    }

    static boolean allowed(boolean staffIsAdmin, Collection<String> accountRoles) {
        return staffIsAdmin || accountRoles.stream().allMatch(CUSTOMER::equals);
    }
}
