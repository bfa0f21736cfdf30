package dev.shopstream.devstack;

import java.util.List;

/**
 * A demo user of the realm in liberty-config/src/main/resources/keycloak/shopstream-realm.json, which holds the same
 * passwords. Local demo credentials only.
 */
record DemoAccount(String username, String password, String role) {

    static final DemoAccount CUSTOMER = new DemoAccount("customer@shopstream.local", "customer-demo", "customer");
    static final DemoAccount SUPPORT = new DemoAccount("support", "support-demo", "support");
    static final DemoAccount ADMIN = new DemoAccount("admin", "admin-demo", "admin");
    static final DemoAccount INTEGRATOR = new DemoAccount("integrator", "integrator-demo", "integrator");
    static final List<DemoAccount> ALL = List.of(CUSTOMER, SUPPORT, ADMIN, INTEGRATOR);

    /** The realm's public client for password grants from curl and tests. */
    static final String DEV_CLIENT = "shopstream-dev";
}
