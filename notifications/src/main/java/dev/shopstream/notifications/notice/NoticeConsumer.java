package dev.shopstream.notifications.notice;

import dev.shopstream.commons.inbox.EventHandler;
import dev.shopstream.commons.inbox.InboxConsumer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One of notifications' consumers: its inbox name (the {@code dlq-consumer} of its dead letters), the topic it
 * reads and its effect per event type. Records go through commons' {@link InboxConsumer}; a dead letter is replayed
 * through the same handlers and inbox.
 */
public abstract class NoticeConsumer {

    @Inject
    InboxConsumer inbox;

    private final String name;
    private final String topic;

    protected NoticeConsumer(String name, String topic) {
        this.name = name;
        this.topic = topic;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public abstract Map<String, EventHandler> handlers();

    /** What the subclass's {@code @Incoming} method returns for each record. */
    protected CompletionStage<Void> consume(Message<String> message) {
        return inbox.consume(name, message, handlers());
    }
}
