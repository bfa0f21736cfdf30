package dev.shopstream.admin.users;

import dev.shopstream.admin.client.auth.IntegratorClientsApi;
import dev.shopstream.admin.client.auth.model.IntegratorClient;
import dev.shopstream.admin.client.auth.model.IntegratorInput;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.signin.CurrentStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

/**
 * Integrator clients (admins only): partner systems' OAuth2 clients. Creating one or rotating its secret shows the
 * secret once, through {@link IssuedSecret}, so this view never holds it; deleting one stops its tokens.
 */
@Named
@ViewScoped
public class IntegratorClients implements Serializable {

    @Inject
    transient ServiceCalls calls;

    @Inject
    transient CurrentStaff staff;

    @Inject
    transient IssuedSecret issued;

    @Inject
    @RestClient
    transient IntegratorClientsApi integrators;

    private List<IntegratorClient> clients = List.of();

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "2 to 40 lower-case letters, digits or dashes, such as acme-erp")
    private String name;
    @Size(max = 255)
    private String description;

    /** Support staff may not even list them (auth answers 403), so their page asks nothing. */
    public void load() {
        if (staff.isAdmin()) {
            calls.get("list integrator clients", () -> integrators.listIntegratorClients())
                    .ifPresent(found -> clients = found);
        }
    }

    public void create() {
        IntegratorInput input = new IntegratorInput().name(name).description(description);
        calls.get("create the integrator client", () -> integrators.createIntegratorClient(input))
                .ifPresent(created -> {
                    issued.show(created);
                    calls.done("Created " + created.getClientId() + ".");
                    name = null;
                    description = null;
                    load();
                });
    }

    public void rotate(IntegratorClient client) {
        calls.get("rotate the secret of " + client.getClientId(),
                () -> integrators.rotateIntegratorClientSecret(client.getClientId())).ifPresent(rotated -> {
                    issued.show(rotated);
                    calls.done("Rotated the secret of " + rotated.getClientId() + ": the old one no longer works.");
                });
    }

    public void delete(IntegratorClient client) {
        if (calls.run("delete " + client.getClientId(), () -> integrators.deleteIntegratorClient(client.getClientId()),
                "Deleted " + client.getClientId() + ": it gets no more tokens; those issued expire within 5 minutes.")) {
            load();
        }
    }

    public List<IntegratorClient> getClients() {
        return clients;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
