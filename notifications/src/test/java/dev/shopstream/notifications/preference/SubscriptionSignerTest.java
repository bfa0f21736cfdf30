package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionSignerTest {

    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private final SubscriptionSigner signer = new SubscriptionSigner(KEY);
    private final Subscription subscription = new Subscription("6a1f0c3e-keycloak-subject", Category.MARKETING,
            Channel.EMAIL);

    @Test
    void aSignedSubscriptionVerifiesAsItself() {
        String signed = signer.sign(subscription);

        assertThat(signed).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(signer.verify(signed)).isEqualTo(subscription);
        assertThat(signer.sign(subscription)).as("deterministic").isEqualTo(signed);
    }

    @Test
    void userIdsWithAnyCharactersStaySeparateFromTheRest() {
        Subscription odd = new Subscription("user\u0000marketing.in-app|ü", Category.MARKETING, Channel.IN_APP);

        assertThat(signer.verify(signer.sign(odd))).isEqualTo(odd);
    }

    @Test
    void anAlteredPayloadIsForged() {
        String signed = signer.sign(subscription);
        String otherPayload = signer.sign(new Subscription("someone-else", Category.MARKETING, Channel.EMAIL))
                .split("\\.")[0];

        assertForged(otherPayload + "." + signed.split("\\.")[1]);
    }

    @Test
    void anAlteredSignatureIsForged() {
        String signed = signer.sign(subscription);
        char last = signed.charAt(signed.length() - 2);

        assertForged(signed.substring(0, signed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signed.charAt(signed.length() - 1));
    }

    @Test
    void aSubscriptionSignedWithAnotherKeyIsForged() {
        SubscriptionSigner other = new SubscriptionSigner(
                "another-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));

        assertForged(other.sign(subscription));
    }

    @Test
    void valuesThatAreNoSignedSubscriptionAreMalformed() {
        for (String malformed : new String[] {null, "", "no-dot", ".abc", "a.b.c", "!!!.???", "x".repeat(2_000)}) {
            assertThatThrownBy(() -> signer.verify(malformed)).as(String.valueOf(malformed))
                    .isInstanceOfSatisfying(InvalidSubscriptionException.class,
                            e -> assertThat(e.forged()).isFalse());
        }
    }

    @Test
    void aSignedPayloadThatDoesNotReadIsMalformed() throws Exception {
        byte[] payload = "not the format".getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

        assertThatThrownBy(() -> signer.verify(encoder.encodeToString(payload) + "."
                + encoder.encodeToString(mac.doFinal(payload))))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> assertThat(e.forged()).isFalse());
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionSigner(new byte[31]));
    }

    private void assertForged(String signed) {
        assertThatThrownBy(() -> signer.verify(signed))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> assertThat(e.forged()).isTrue());
    }
}
