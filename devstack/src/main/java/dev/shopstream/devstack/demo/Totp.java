package dev.shopstream.devstack.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * Time-based one-time passwords (RFC 6238: HmacSHA1, 6 digits, 30-second steps), as the realm's authenticators
 * produce them, so scripts and tests can sign in the demo staff, who must give a code. Self-contained on purpose:
 * {@code java devstack/src/main/java/dev/shopstream/devstack/demo/Totp.java} prints the current code of the local demo
 * secret (or of the base32 secret given as argument) without a build.
 */
public final class Totp {

    /** The seeded authenticator secret of the demo users support and admin (base32). LOCAL DEMO ONLY. */
    public static final String DEMO_SECRET = "SHOPSTREAMLOCALDEMOTOTPSECRETKEY";

    private static final long PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    public static void main(String[] args) {
        System.out.println(code(args.length > 0 ? args[0] : DEMO_SECRET, Instant.now()));
    }

    /** The code valid at {@code time} for a base32 secret. */
    public static String code(String base32Secret, Instant time) {
        return codeForStep(base32Secret, time.getEpochSecond() / PERIOD_SECONDS);
    }

    /**
     * The code of one 30-second step. The realm accepts the steps next to the current one too, and each code once, so
     * a test that signs in several times within a step can take the neighbours' codes.
     */
    public static String codeForStep(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decodeBase32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % (int) Math.pow(10, DIGITS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** The current 30-second step. */
    public static long currentStep() {
        return Instant.now().getEpochSecond() / PERIOD_SECONDS;
    }

    private static byte[] decodeBase32(String secret) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char character : secret.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            int value = BASE32.indexOf(character);
            if (value < 0) {
                throw new IllegalArgumentException("Not a base32 secret: " + secret);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}
