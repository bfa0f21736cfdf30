package dev.shopstream.commons.inbox;

/**
 * A consumer's effect of one event type. It runs inside the transaction that records the event in the inbox, so
 * the effect and the record commit together; throwing rolls both back and the event is tried again (or, for an
 * {@link UnprocessableEventException}, dead-lettered at once).
 */
@FunctionalInterface
public interface EventHandler {

    void apply(ReceivedEvent event);
}
