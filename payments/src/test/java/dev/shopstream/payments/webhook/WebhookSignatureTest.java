package dev.shopstream.payments.webhook;

import dev.shopstream.payments.provider.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final WebhookSignature signature = new WebhookSignature("whsec_test");
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void acceptsItsOwnSignature() {
        assertThatCode(() -> signature.verify(signature.sign(BODY, now), BODY, TOLERANCE, now)).doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        String header = signature.sign(BODY, now).replace("v1=", "v1=" + "00".repeat(32) + ",v1=");

        assertThatCode(() -> signature.verify(header, BODY, TOLERANCE, now)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnotherSecretsSignature() {
        String forged = new WebhookSignature("whsec_other").sign(BODY, now);

        assertThatThrownBy(() -> signature.verify(forged, BODY, TOLERANCE, now))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("does not match");
    }

    @Test
    void rejectsAChangedBody() {
        String header = signature.sign(BODY, now);
        byte[] changed = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signature.verify(header, changed, TOLERANCE, now))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void rejectsTimestampsOutsideTheTolerance() {
        String old = signature.sign(BODY, now.minus(Duration.ofMinutes(6)));
        String future = signature.sign(BODY, now.plus(Duration.ofMinutes(6)));

        assertThatThrownBy(() -> signature.verify(old, BODY, TOLERANCE, now)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> signature.verify(future, BODY, TOLERANCE, now)).hasMessageContaining("tolerance");
    }

    @Test
    void rejectsMissingAndMalformedHeaders() {
        assertThatThrownBy(() -> signature.verify(null, BODY, TOLERANCE, now)).hasMessageContaining("missing");
        assertThatThrownBy(() -> signature.verify("v1=abc", BODY, TOLERANCE, now))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> signature.verify("t=x,v1=zz", BODY, TOLERANCE, now))
                .hasMessageContaining("malformed");
    }
}
