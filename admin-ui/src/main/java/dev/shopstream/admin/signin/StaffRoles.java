package dev.shopstream.admin.signin;

/** The realm roles the console admits; the services enforce what each may do, the console hides what it may not. */
public final class StaffRoles {

    public static final String ADMIN = "admin";
    public static final String SUPPORT = "support";

    private StaffRoles() {
    }
}
