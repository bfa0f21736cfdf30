package dev.shopstream.commons.inbox;

import dev.shopstream.commons.CommonsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(CommonsDatabase.Extension.class)
class InboxTest {

    @Test
    void redeliveredEventIsRecognisedPerConsumer(CommonsDatabase database) {
        Inbox inbox = new Inbox(database.dataSource());
        String eventId = UUID.randomUUID().toString();

        assertThat(inbox.recordFirstDelivery("notifications", eventId)).isTrue();
        assertThat(inbox.recordFirstDelivery("notifications", eventId)).as("redelivery").isFalse();
        assertThat(inbox.recordFirstDelivery("orders", eventId)).as("another consumer").isTrue();
    }
}
