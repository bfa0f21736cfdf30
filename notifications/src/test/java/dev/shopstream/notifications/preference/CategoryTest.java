package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What users receive before they choose, and what they cannot switch off. */
class CategoryTest {

    @Test
    void transactionalMailAndInAppAreAlwaysOnPushIsOnUntilSwitchedOffSmsIsOptIn() {
        assertThat(Category.TRANSACTIONAL.alwaysOn(Channel.EMAIL)).isTrue();
        assertThat(Category.TRANSACTIONAL.alwaysOn(Channel.IN_APP)).isTrue();
        assertThat(Category.TRANSACTIONAL.alwaysOn(Channel.PUSH)).isFalse();
        assertThat(Category.TRANSACTIONAL.onByDefault(Channel.PUSH)).isTrue();
        assertThat(Category.TRANSACTIONAL.alwaysOn(Channel.SMS)).isFalse();
        assertThat(Category.TRANSACTIONAL.onByDefault(Channel.SMS)).isFalse();
    }

    @Test
    void marketingIsOffEverywhereUntilTheUserOptsIn() {
        for (Channel channel : Channel.values()) {
            assertThat(Category.MARKETING.alwaysOn(channel)).as(channel.code()).isFalse();
            assertThat(Category.MARKETING.onByDefault(channel)).as(channel.code()).isFalse();
        }
    }
}
