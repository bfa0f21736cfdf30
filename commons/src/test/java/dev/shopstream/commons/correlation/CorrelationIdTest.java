package dev.shopstream.commons.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void wellFormedClientIdIsKept() {
        assertThat(CorrelationId.resolve("order-123", null).correlationId()).isEqualTo("order-123");
    }

    @Test
    void traceIdIsUsedWhenNoCorrelationIdIsSent() {
        CorrelationId.Context context = CorrelationId.resolve(null, TRACEPARENT);

        assertThat(context.correlationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.traceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void hostileOrOverlongIdsAreReplaced() {
        assertThat(CorrelationId.resolve("abc\r\nSet-Cookie: x=y", null).correlationId()).doesNotContain("\n");
        assertThat(CorrelationId.resolve("x".repeat(101), null).correlationId()).hasSize(36);
    }

    @Test
    void malformedTraceparentIsIgnored() {
        CorrelationId.Context context = CorrelationId.resolve(null, "00-not-a-trace");

        assertThat(context.traceparent()).isNull();
        assertThat(context.correlationId()).hasSize(36);
    }
}
