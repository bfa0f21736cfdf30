package dev.shopstream.admin.services;

import dev.shopstream.admin.web.Correlation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a service for a page and shows what went wrong as a readable message with the correlation id, never a
 * stack trace: a problem document's detail (its field errors beside their fields when the form has them), or that
 * the service did not answer. Pages keep what they had and the staff member can try again.
 */
@RequestScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class.getName());

    /** A generated client's call: its methods declare their own checked exception type per service. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    @Inject
    Correlation correlation;

    /** The call's answer, or empty after a message saying why there is none. */
    public <T> Optional<T> get(String what, Call<T> call) {
        try {
            return Optional.ofNullable(call.call());
        } catch (ServiceProblem problem) {
            show(what, problem);
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "Could not " + what, e);
            error(null, "Could not " + what + ": the service did not answer. Try again in a moment. (correlation id "
                    + correlation.id() + ")");
        } catch (Exception e) {
            // A generated client's own exception type: ServiceProblemMapper runs first, so this is unexpected.
            LOG.log(Level.SEVERE, "Could not " + what, e);
            error(null, "Could not " + what + ". (correlation id " + correlation.id() + ")");
        }
        return Optional.empty();
    }

    /** Runs a change; on success shows {@code done}. Returns whether it succeeded. */
    public boolean run(String what, Action action, String done) {
        boolean succeeded = get(what, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
        if (succeeded && done != null) {
            done(done);
        }
        return succeeded;
    }

    /** Tells the staff member that what they asked for is done. */
    public void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** Like {@link #done}, for an action that redirects to another page: the message is shown there. */
    public void doneAfterRedirect(String message) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        done(message);
    }

    private void show(String what, ServiceProblem problem) {
        String reference = " (correlation id " + Optional.ofNullable(problem.correlationId()).orElse(correlation.id())
                + ")";
        if (problem.isStale()) {
            error(null, "Changed by someone else since you opened it — reload to see the current version."
                    + reference);
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        boolean besideFields = false;
        for (ServiceProblem.FieldError field : problem.fieldErrors()) {
            UIComponent input = field.field() == null ? null
                    : context.getViewRoot().findComponent("form:" + field.field().replaceAll("[^A-Za-z0-9_]", "_"));
            if (input != null) {
                besideFields = true;
            }
            error(input == null ? null : input.getClientId(context),
                    input == null ? field.field() + ": " + field.message() : field.message());
        }
        error(null, "Could not " + what + ": " + problem.summary() + (besideFields ? " See the fields marked." : "")
                + reference);
    }

    private static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
