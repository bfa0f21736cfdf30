package dev.shopstream.admin.users;

import dev.shopstream.admin.client.auth.UsersStaffApi;
import dev.shopstream.admin.client.auth.model.RolesInput;
import dev.shopstream.admin.client.auth.model.UserDetail;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.signin.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * One user account: its roles (admins replace them), whether it is enabled or locked, what Keycloak still asks of
 * it, and its open sessions. Staff disable, enable or sign it out everywhere where auth lets them
 * ({@link AccountChanges}).
 */
@Named
@ViewScoped
public class UserAccount implements Serializable {

    /** The shop roles auth assigns; Keycloak's own roles are not the console's business. */
    private static final List<String> SHOP_ROLES = List.of("customer", "support", "admin", "integrator");

    @Inject
    transient ServiceCalls calls;

    @Inject
    transient CurrentStaff staff;

    @Inject
    @RestClient
    transient UsersStaffApi users;

    @Size(max = 100)
    private String id;
    private UserDetail account;

    @Size(max = 4)
    private List<String> roles = new ArrayList<>();

    public void load() {
        if (id != null) {
            calls.get("read the user", () -> users.getUser(id)).ifPresent(found -> {
                account = found;
                roles = found.getRoles() == null ? new ArrayList<>() : new ArrayList<>(found.getRoles());
            });
        }
    }

    public void disable() {
        if (calls.run("disable the account", () -> users.disableUser(id),
                "Disabled " + username() + ": they cannot sign in, and their sessions have ended.")) {
            load();
        }
    }

    public void enable() {
        if (calls.run("enable the account", () -> users.enableUser(id), "Enabled " + username() + " again.")) {
            load();
        }
    }

    public void endSessions() {
        if (calls.run("end the user's sessions", () -> users.endAllUserSessions(id),
                "Signed " + username() + " out everywhere; tokens already issued expire within 5 minutes.")) {
            load();
        }
    }

    public void saveRoles() {
        RolesInput input = new RolesInput().roles(roles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(roles));
        calls.get("change the roles", () -> users.replaceUserRoles(id, input)).ifPresent(saved -> {
            calls.done(username() + " now holds " + (saved.getRoles() == null || saved.getRoles().isEmpty()
                    ? "no shop role" : String.join(", ", saved.getRoles()))
                    + "; it shows in their tokens from their next refresh.");
            load();
        });
    }

    private String username() {
        return account == null || account.getUser() == null ? id : account.getUser().getUsername();
    }

    /** Whether this staff member may disable, enable or sign out this account. */
    public boolean isMayChange() {
        return account != null
                && AccountChanges.allowed(staff.isAdmin(), account.getRoles() == null ? List.of() : account.getRoles());
    }

    public String getRolesShown() {
        return account == null || account.getRoles() == null || account.getRoles().isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(account.getRoles()));
    }

    public String getPendingActionsShown() {
        return account == null || account.getPendingActions() == null || account.getPendingActions().isEmpty()
                ? "nothing" : String.join(", ", account.getPendingActions());
    }

    public boolean isEnabled() {
        return account != null && account.getUser() != null && Boolean.TRUE.equals(account.getUser().getEnabled());
    }

    public List<String> getShopRoles() {
        return SHOP_ROLES;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UserDetail getAccount() {
        return account;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
