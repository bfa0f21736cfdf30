package dev.shopstream.notifications.webhook;

import dev.shopstream.commons.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside local development only https to public addresses; the address classes refused. */
class WebhookUrlsTest {

    private static WebhookUrls production() {
        WebhookUrls urls = new WebhookUrls();
        urls.requireHttps = true;
        urls.allowedHosts = Optional.empty();
        return urls;
    }

    @Test
    void plainHttpIsRefusedWhereHttpsIsRequired() {
        assertThatThrownBy(() -> production().check("http://93.184.215.14/hook"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("https");
        assertThat(production().check("https://93.184.215.14/hook")).hasToString("https://93.184.215.14/hook");
    }

    @Test
    void localhostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> production().check("https://localhost/hook"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("non-public");
        WebhookUrls local = production();
        local.allowedHosts = Optional.of(Set.of("localhost"));
        assertThat(local.check("https://localhost/hook")).isNotNull();
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : new String[]{"127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"}) {
            assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[]{"93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"}) {
            assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }
}
