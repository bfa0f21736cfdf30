package dev.shopstream.notifications.api;

import dev.shopstream.notifications.live.LiveEvent;
import dev.shopstream.notifications.live.LiveSink;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A live stream's client as Server-Sent Events: {@code id} is the event's seq, {@code event} its kind. */
final class SseSink implements LiveSink {

    private final SseEventSink sink;
    private final Sse sse;
    private final Duration sendTimeout;

    SseSink(SseEventSink sink, Sse sse, Duration sendTimeout) {
        this.sink = sink;
        this.sse = sse;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public boolean opened() {
        return send(sse.newEventBuilder().comment("connected").build());
    }

    @Override
    public boolean send(LiveEvent event) {
        return send(sse.newEventBuilder().id(Long.toString(event.seq())).name(event.kind()).data(event.data())
                .build());
    }

    @Override
    public boolean comment(String text) {
        return send(sse.newEventBuilder().comment(text).build());
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        sink.close();
    }

    private boolean send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(event).toCompletableFuture().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            sink.close();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.close();
            return false;
        }
    }
}
