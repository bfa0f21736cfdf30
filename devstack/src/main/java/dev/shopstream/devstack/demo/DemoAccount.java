package dev.shopstream.devstack.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo user of the realm in liberty-config/src/main/resources/keycloak/shopstream-realm.json, which holds the same
 * passwords (hashed) and, for staff, the same authenticator secret. Local demo credentials only.
 *
 * @param otpSecret the base32 TOTP secret of a user who must give a code (staff), else {@code null}
 */
public record DemoAccount(String username, String password, String role, String otpSecret) {

    public static final DemoAccount CUSTOMER = new DemoAccount("customer@shopstream.local", "customer-demo", "customer", null);
    public static final DemoAccount SUPPORT = new DemoAccount("support", "support-demo", "support", Totp.DEMO_SECRET);
    public static final DemoAccount ADMIN = new DemoAccount("admin", "admin-demo", "admin", Totp.DEMO_SECRET);
    public static final DemoAccount INTEGRATOR = new DemoAccount("integrator", "integrator-demo", "integrator", null);
    public static final List<DemoAccount> ALL = List.of(CUSTOMER, SUPPORT, ADMIN, INTEGRATOR);

    /** The realm's public client for password grants from curl and tests. */
    public static final String DEV_CLIENT = "shopstream-dev";

    /** The password grant's form fields, with the current TOTP code for staff. */
    Map<String, String> passwordGrant() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", DEV_CLIENT);
        form.put("username", username);
        form.put("password", password);
        if (otpSecret != null) {
            form.put("totp", Totp.code(otpSecret, Instant.now()));
        }
        return form;
    }
}
