package dev.shopstream.notifications.preference;

import dev.shopstream.notifications.template.TemplateKey.Channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The signed form of a {@link Subscription} that an unsubscribe link carries, so it works without signing in:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, the payload a version byte and the user id,
 * category and channel, each length-prefixed (so no value can run into the next). Nothing expires: a link in an old
 * mail still works. Changing the key invalidates every link sent before.
 */
public final class SubscriptionSigner {

    /** The shortest key accepted, in bytes: HMAC-SHA256's block is 64, its output 32. */
    public static final int MIN_KEY_LENGTH = 32;
    /** The longest signed form: a user id of 255 characters of up to 3 UTF-8 bytes each and the rest. */
    public static final int MAX_LENGTH = 1_200;

    private static final byte VERSION = 1;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public SubscriptionSigner(byte[] key) {
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The unsubscribe signing key has " + key.length + " bytes; at least "
                    + MIN_KEY_LENGTH + " are needed.");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String sign(Subscription subscription) {
        byte[] payload = payload(subscription);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * @throws InvalidSubscriptionException when the value is not a signed subscription ({@code forged} false), or
     *                                      its signature does not fit it ({@code forged} true)
     */
    public Subscription verify(String signed) {
        if (signed == null || signed.length() > MAX_LENGTH) {
            throw new InvalidSubscriptionException("The unsubscribe link is missing or too long.", false);
        }
        int dot = signed.indexOf('.');
        if (dot < 1 || dot != signed.lastIndexOf('.')) {
            throw new InvalidSubscriptionException("The unsubscribe link is not one this shop made.", false);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(signed.substring(0, dot));
            signature = DECODER.decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("The unsubscribe link is not one this shop made.", false);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new InvalidSubscriptionException("The unsubscribe link's signature does not match it.", true);
        }
        return subscription(payload);
    }

    private static byte[] payload(Subscription subscription) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(subscription.userId());
            out.writeUTF(subscription.category().code());
            out.writeUTF(subscription.channel().code());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Only reached with a valid signature: a payload that does not read is from a newer version of this format. */
    private static Subscription subscription(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw new InvalidSubscriptionException("The unsubscribe link has a version this shop does not read.",
                        false);
            }
            Subscription subscription = new Subscription(in.readUTF(), Category.of(in.readUTF()),
                    Channel.of(in.readUTF()));
            if (in.available() > 0) {
                throw new InvalidSubscriptionException("The unsubscribe link is not one this shop made.", false);
            }
            return subscription;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSubscriptionException("The unsubscribe link is not one this shop made.", false);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] keyBytes(String configured) {
        return configured.getBytes(StandardCharsets.UTF_8);
    }
}
