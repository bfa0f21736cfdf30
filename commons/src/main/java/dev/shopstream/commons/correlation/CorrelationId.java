package dev.shopstream.commons.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the work the current thread is doing: taken from the request's {@code X-Correlation-Id}
 * or W3C {@code traceparent}, or made up. It is echoed in responses, written to logs and copied into produced events.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    /** Correlation id plus the incoming {@code traceparent}, if any, so events can continue the trace. */
    public record Context(String correlationId, String traceparent) {
    }

    private CorrelationId() {
    }

    /** Chooses the id for a request: a well-formed client id, else the trace id of a valid traceparent, else new. */
    public static Context resolve(String correlationHeader, String traceparentHeader) {
        String traceparent = traceparentHeader != null && TRACEPARENT.matcher(traceparentHeader).matches()
                ? traceparentHeader : null;
        if (correlationHeader != null && ACCEPTED.matcher(correlationHeader).matches()) {
            return new Context(correlationHeader, traceparent);
        }
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent);
            if (matcher.matches()) {
                return new Context(matcher.group(1), traceparent);
            }
        }
        return new Context(UUID.randomUUID().toString(), traceparent);
    }

    public static void set(Context context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<Context> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current correlation id, or {@code null} outside a request or relayed event. */
    public static String currentId() {
        Context context = CURRENT.get();
        return context == null ? null : context.correlationId();
    }
}
