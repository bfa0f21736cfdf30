package dev.shopstream.notifications.notice;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.commons.inbox.UnprocessableEventException;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.recipient.Recipients;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Tells staff when payments' reconciliation finds a gap between the ledger and the provider ({@code payment.events}
 * {@code reconciliation.gap-found}, docs/events/payment.events.md): a mail to the staff address and an in-app message
 * every admin and support user reads. Customers hear of their payments through {@code order.lifecycle} (confirmed,
 * payment failed, cancelled, refunded), in their order's terms, so the payment events themselves send them nothing.
 * Once per event through the inbox.
 */
@ApplicationScoped
public class PaymentNotices extends NoticeConsumer {

    static final String CONSUMER = "notifications.payments";
    static final String GAP_FOUND = "dev.shopstream.payments.reconciliation.gap-found";
    /** The longest value of a gap printed as it came (payments writes short codes, ids and amounts). */
    private static final int MAX_VALUE_LENGTH = 255;

    @Inject
    Notices notices;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.staff-email")
    String staffEmail;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.default-locale")
    String staffLocale;

    public PaymentNotices() {
        super(CONSUMER, "payment.events");
    }

    @Incoming("payment-events")
    public CompletionStage<Void> onPaymentEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        return Map.of(GAP_FOUND, this::gapFound);
    }

    private void gapFound(ReceivedEvent event) {
        if (!(event.data().get("gapId") instanceof JsonNumber gapId)) {
            throw new UnprocessableEventException("Event " + event.id() + " (" + event.type() + ") has no gapId.");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("gapId", gapId.toString());
        model.put("kind", value(event, event.requiredString("kind")));
        for (String optional : List.of("runId", "provider", "paymentId", "providerReference", "ledgerValue",
                "providerValue", "windowStart", "windowEnd")) {
            Object value = event.data().get(optional);
            if (value instanceof JsonString text && !text.getString().isBlank()) {
                model.put(optional, value(event, text.getString()));
            } else if (value instanceof JsonNumber number) {
                model.put(optional, number.toString());
            }
        }
        notices.announce(new Notice(event.id(), "payment.reconciliation-gap", Recipients.STAFF,
                        Set.of(Channel.EMAIL, Channel.IN_APP), locale -> model, null),
                Optional.of(new Recipient(Recipients.STAFF, staffEmail, null, staffLocale)));
    }

    private static String value(ReceivedEvent event, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new UnprocessableEventException("Event " + event.id() + " has a value longer than "
                    + MAX_VALUE_LENGTH + " characters.");
        }
        return value;
    }
}
