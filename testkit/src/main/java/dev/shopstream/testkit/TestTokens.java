package dev.shopstream.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens shaped like Keycloak's (issuer, audience shopstream-api, preferred_username, groups) with a
 * test key that the server under test trusts, plus the broken variants a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/shopstream";
    public static final String AUDIENCE = "shopstream-api";

    private final RSAKey trustedKey;
    private final RSAKey untrustedKey;

    public TestTokens() {
        try {
            trustedKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            untrustedKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the trusted public key as a JWKS the server reads through mp.jwt.verify.publickey.location. */
    public Path writeJwks(Path directory) throws IOException {
        Path jwks = directory.resolve("test-jwks.json");
        Files.writeString(jwks, "{\"keys\":[" + trustedKey.toPublicJWK().toJSONString() + "]}");
        return jwks;
    }

    public String token(String user, String... roles) {
        return sign(trustedKey, claims(user, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    public String expired(String user, String... roles) {
        return sign(trustedKey, claims(user, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), roles));
    }

    public String fromOtherIssuer(String user, String... roles) {
        return sign(trustedKey, claims(user, "https://keycloak.test/realms/other", AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    public String forOtherAudience(String user, String... roles) {
        return sign(trustedKey, claims(user, ISSUER, "account", Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    public String signedByUnknownKey(String user, String... roles) {
        return sign(untrustedKey, claims(user, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles));
    }

    /** A valid token whose payload was edited afterwards (roles raised to admin), so the signature no longer fits. */
    public String tampered(String user) {
        String[] parts = token(user, "customer").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + base64Url(payload) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) claiming the admin role. */
    public String unsigned(String user) {
        String payload = claims(user, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), "admin").toString();
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".";
    }

    private static JWTClaimsSet claims(String user, String issuer, String audience, Instant expiry, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject("sub-" + user)
                .claim("preferred_username", user)
                .claim("upn", user)
                .claim("groups", List.of(roles))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(expiry))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
