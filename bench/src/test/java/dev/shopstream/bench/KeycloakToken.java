package dev.shopstream.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An access token from Keycloak, fetched again a minute before it expires, so a run longer than the token's lifespan
 * (5 minutes in the local realm) keeps its authorisation: a user's password grant or a service's client credentials
 * grant ({@link #clientCredentials}). Thread-safe; the renewal blocks the calling virtual user for one token request
 * every few minutes. Staff (the admin) must give a TOTP code with the password grant: it is computed from
 * {@code admin.totp.secret}, by default the realm's local demo authenticator secret.
 */
final class KeycloakToken {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    /** The seeded authenticator of the demo admin and support (LOCAL DEMO ONLY; see the README). */
    private static final String DEMO_TOTP_SECRET = "SHOPSTREAMLOCALDEMOTOTPSECRETKEY";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final String totpSecret = BenchSettings.text("admin.totp.secret", DEMO_TOTP_SECRET);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String principal;
    private final Supplier<Map<String, String>> grant;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** The password grant of {@code settings}' user. */
    KeycloakToken(ReservationSettings settings) {
        this(settings.tokenEndpoint(), settings.clientId(), settings.username(), settings.password());
    }

    /** The password grant of a user through a client allowed it (the local development client). */
    KeycloakToken(URI tokenEndpoint, String clientId, String username, String password) {
        this.tokenEndpoint = tokenEndpoint;
        this.principal = username;
        this.grant = () -> Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "totp", totp(Instant.now()));
    }

    private KeycloakToken(URI tokenEndpoint, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.principal = "client " + clientId;
        this.grant = () -> Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret);
    }

    /** The client credentials grant of a confidential client with a service account (e.g. the orders service). */
    static KeycloakToken clientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        return new KeycloakToken(tokenEndpoint, clientId, clientSecret);
    }

    synchronized String current() {
        if (Instant.now().isAfter(renewAt)) {
            renew();
        }
        return token;
    }

    private void renew() {
        String form = grant.get().entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " is not reachable (" + e
                    + "); start the platform with ./platform.sh or pass -Dtoken.url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
        Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("Keycloak refused to sign in " + principal + " ("
                    + response.statusCode() + "): " + response.body());
        }
        Instant now = Instant.now();
        Matcher expiresIn = EXPIRES_IN.matcher(response.body());
        Duration lifespan = Duration.ofSeconds(expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60);
        token = accessToken.group(1);
        renewAt = now.plus(lifespan.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifespan.minus(RENEW_BEFORE_EXPIRY) : lifespan.dividedBy(2));
    }

    /**
     * The RFC 6238 code (HmacSHA1, 6 digits, 30 s) of {@link #totpSecret} at {@code time}, as devstack's Totp computes
     * it; Keycloak ignores the field for users without an authenticator. Renewals are minutes apart, so a code is
     * never sent twice.
     */
    private String totp(Instant time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(totpSecret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(time.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return "%06d".formatted(binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static byte[] base32(String secret) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char character : secret.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            int value = BASE32.indexOf(character);
            if (value < 0) {
                throw new IllegalArgumentException("admin.totp.secret is not base32");
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
