package dev.shopstream.commons.inbox;

import dev.shopstream.commons.events.CloudEventEnvelope;
import dev.shopstream.commons.privacy.UserDeleted;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceivedEventTest {

    private static String envelope(String subject, String data) {
        return new String(CloudEventEnvelope.serialize(UUID.randomUUID(), URI.create("/shopstream/auth"),
                UserDeleted.TYPE, subject, OffsetDateTime.parse("2026-11-25T12:00:00Z"),
                data.getBytes(StandardCharsets.UTF_8), "corr-1", null), StandardCharsets.UTF_8);
    }

    @Test
    void userDeletedEnvelopeIsReadWithItsAttributesAndData() {
        ReceivedEvent event = ReceivedEvent.parse(envelope("u-1", "{\"userId\":\"u-1\",\"deletedAt\":\"x\"}"));

        assertThat(event.type()).isEqualTo(UserDeleted.TYPE);
        assertThat(event.source()).isEqualTo("/shopstream/auth");
        assertThat(event.subject()).isEqualTo("u-1");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-11-25T12:00:00Z"));
        UserDeleted deleted = UserDeleted.of(event);
        assertThat(deleted.userId()).isEqualTo("u-1");
        assertThat(deleted.pseudonym()).startsWith("erased-").doesNotContain("u-1");
    }

    @Test
    void unreadableEnvelopesAreUnprocessable() {
        assertThatThrownBy(() -> ReceivedEvent.parse("not json")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> ReceivedEvent.parse("{\"specversion\":\"1.0\",\"type\":\"t\"}"))
                .as("no id or source").isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> ReceivedEvent.parse(envelope("u-1", "[1, 2]")))
                .as("data not an object").isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> ReceivedEvent.parse(null)).isInstanceOf(UnprocessableEventException.class);
    }

    @Test
    void userDeletedWithoutAUserOrAboutSomeoneElseIsUnprocessable() {
        assertThatThrownBy(() -> UserDeleted.of(ReceivedEvent.parse(envelope("u-1", "{}"))))
                .isInstanceOf(UnprocessableEventException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> UserDeleted.of(ReceivedEvent.parse(envelope("u-1", "{\"userId\":\"u-2\"}"))))
                .isInstanceOf(UnprocessableEventException.class);
    }
}
