package dev.shopstream.admin.notifications;

import dev.shopstream.admin.client.notifications.DeadLettersApi;
import dev.shopstream.admin.client.notifications.model.DeadLetterView;
import dev.shopstream.admin.services.ServiceCalls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

/** Notifications' dead letters with their reasons; admins replay one once its cause is fixed. */
@Named
@ViewScoped
public class DeadLetters implements Serializable {

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient DeadLettersApi deadLetters;

    private List<DeadLetterView> letters = List.of();

    public void load() {
        calls.get("list dead letters", () -> deadLetters.listDeadLetters(null)).ifPresent(found -> letters = found);
    }

    public void replay(DeadLetterView letter) {
        calls.get("replay the dead letter", () -> deadLetters.replayDeadLetter(letter.getOffset(),
                letter.getPartition(), letter.getTopic())).ifPresent(replayed -> {
                    calls.done("Replayed " + letter.getTopic() + "/" + letter.getPartition() + "/"
                            + letter.getOffset() + ": " + replayed.getLastReplay() + ".");
                    load();
                });
    }

    public List<DeadLetterView> getLetters() {
        return letters;
    }
}
