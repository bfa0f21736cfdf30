package dev.shopstream.notifications.notice;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.ReceivedEvent;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Tells staff by mail when a SKU runs low ({@code inventory.events} {@code low-stock},
 * docs/events/inventory.events.md), at the shared address {@code shopstream.notifications.staff-email}.
 */
@ApplicationScoped
public class StockNotices extends NoticeConsumer {

    static final String CONSUMER = "notifications.stock";
    static final String LOW_STOCK = "dev.shopstream.catalog.inventory.low-stock";

    @Inject
    Notices notices;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.staff-email")
    String staffEmail;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.default-locale")
    String staffLocale;

    public StockNotices() {
        super(CONSUMER, "inventory.events");
    }

    @Incoming("inventory-events")
    public CompletionStage<Void> onInventoryEvent(Message<String> message) {
        return consume(message);
    }

    @Override
    public Map<String, EventHandler> handlers() {
        return Map.of(LOW_STOCK, this::lowStock);
    }

    private void lowStock(ReceivedEvent event) {
        String sku = event.requiredString("sku");
        Map<String, Object> model = Map.of("sku", sku, "available", event.data().getInt("available", 0),
                "threshold", event.data().getInt("threshold", 0));
        notices.announce(new Notice(event.id(), "stock.low", null, Set.of(Channel.EMAIL), locale -> model, null),
                Optional.of(new Recipient(null, staffEmail, null, staffLocale)));
    }
}
