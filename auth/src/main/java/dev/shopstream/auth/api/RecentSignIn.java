package dev.shopstream.auth.api;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Re-authentication before irreversible acts (erasing the account): the user must have given their credentials
 * recently. That time is the token's {@code auth_time} (the realm's user clients map it; a refresh keeps it), else the
 * start of the token's Keycloak session ({@code sid}). Otherwise 401 with the RFC 9470 challenge, which tells the
 * client to sign the user in again (OIDC {@code max_age} / {@code prompt=login}).
 */
final class RecentSignIn {

    private RecentSignIn() {
    }

    /** @param sessionStart when the Keycloak session with this id began, if it exists */
    static void require(JsonWebToken token, Duration maxAge, Function<String, Optional<Instant>> sessionStart) {
        Optional<Instant> signedInAt = authTime(token).or(() -> sessionId(token).flatMap(sessionStart));
        if (signedInAt.isEmpty() || signedInAt.get().isBefore(Instant.now().minus(maxAge))) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "This needs a sign-in within the last " + maxAge.toSeconds() + " seconds; sign in again.",
                    List.of(), Map.of("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                    + "error_description=\"A more recent sign-in is required\", max_age=" + maxAge.toSeconds()));
        }
    }

    static Optional<String> sessionId(JsonWebToken token) {
        JsonValue sid = payload(token).get("sid");
        return sid != null && sid.getValueType() == JsonValue.ValueType.STRING
                ? Optional.of(((JsonString) sid).getString()) : Optional.empty();
    }

    private static Optional<Instant> authTime(JsonWebToken token) {
        JsonValue authTime = payload(token).get("auth_time");
        return authTime instanceof JsonNumber seconds ? Optional.of(Instant.ofEpochSecond(seconds.longValue())) : Optional.empty();
    }

    // The verified token's own claims, read as JSON so their types do not depend on the runtime's claim mapping.
    private static JsonObject payload(JsonWebToken token) {
        String payload = token.getRawToken().split("\\.")[1];
        return Jsonp.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8))).readObject();
    }
}
