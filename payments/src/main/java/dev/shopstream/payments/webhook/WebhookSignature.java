package dev.shopstream.payments.webhook;

import dev.shopstream.payments.provider.WebhookRejectedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Stripe-like webhook signature: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, several
 * {@code v1} allowed while a secret is rotated. Verification compares in constant time and refuses timestamps
 * further than the tolerance from now, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A webhook signing secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature header value for {@code body} sent at {@code at}. */
    public String sign(byte[] body, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /** @throws WebhookRejectedException when the header is missing or malformed, stale, or no signature matches */
    public void verify(String header, byte[] body, Duration tolerance, Instant now) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException("The signature header is missing.");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                if (pair[0].equals("t")) {
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException e) {
                throw new WebhookRejectedException("The signature header is malformed.");
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookRejectedException("The signature header needs a timestamp t and a v1 signature.");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            throw new WebhookRejectedException("The signature timestamp is outside the tolerance of " + tolerance + ".");
        }
        byte[] expected = mac(timestamp, body);
        boolean matched = false;
        for (byte[] signature : signatures) {
            // Every candidate is compared, and in constant time, so timing reveals nothing about the expected value.
            matched |= MessageDigest.isEqual(expected, signature);
        }
        if (!matched) {
            throw new WebhookRejectedException("The signature does not match the payload.");
        }
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
