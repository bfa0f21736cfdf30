package dev.shopstream.auth.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.Mailbox;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.shopstream.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up through the auth service, e-mail verification through Keycloak's mail, sign-in, and the events. */
class SignUpIT extends AuthApiTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"");

    @Test
    void signUpVerifyEmailSignInAndReadMe() throws Exception {
        String email = "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        HttpResponse<String> registered = api.postJson("/api/auth/register", registration(email, "a long enough passphrase"), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String userId = Api.json(registered).getString("userId");
        assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/auth/users/" + userId));

        TokenEndpoint.TokenResponse beforeVerifying = keycloak.password(email, "a long enough passphrase");
        assertThat(beforeVerifying.ok()).as("no sign-in before the address is verified").isFalse();

        String mail = mailbox.awaitMessageTo(email, Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no verification mail"));
        String page = followVerificationLink(Mailbox.actionLink(mail));
        var account = users.realm().users().get(userId).toRepresentation();
        assertThat(account.isEmailVerified()).as("verified after the link; last page:\n" + page).isTrue();
        assertThat(account.getRequiredActions()).as("nothing left to do; last page:\n" + page).isEmpty();

        String token = keycloak.signIn(email, "a long enough passphrase").accessToken();
        HttpResponse<String> me = api.get("/api/auth/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonObject profile = Api.json(me);
        assertThat(profile.getString("id")).isEqualTo(userId);
        assertThat(profile.getString("email")).isEqualTo(email);
        assertThat(profile.getBoolean("emailVerified")).isTrue();
        assertThat(profile.getString("firstName")).isEqualTo("Robin");
        assertThat(profile.getJsonArray("roles").getString(0)).isEqualTo("customer");

        api.get("/api/auth/me", token);
        assertThat(eventTypes(userId)).as("announced once each").containsExactly(
                "dev.shopstream.auth.user.registered", "dev.shopstream.auth.user.email-verified");
        JsonObject registeredEvent = eventPayload(userId, "dev.shopstream.auth.user.registered");
        assertThat(registeredEvent.getString("subject")).isEqualTo(userId);
        assertThat(registeredEvent.getJsonObject("data").getString("email")).isEqualTo(email);
        assertThat(awaitUserEvent(userId, "dev.shopstream.auth.user.email-verified", Duration.ofSeconds(60)))
                .as("relayed to Kafka, keyed by the user id").hasValueSatisfying(event -> {
                    assertThat(event.getString("source")).isEqualTo("/shopstream/auth");
                    assertThat(event.getJsonObject("data").getString("userId")).isEqualTo(userId);
                });
    }

    @Test
    void anAddressCanOnlySignUpOnce() {
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertThat(api.postJson("/api/auth/register", registration(email, "a long enough passphrase"), null).statusCode()).isEqualTo(201);

        HttpResponse<String> again = api.postJson("/api/auth/register", registration(email.toUpperCase(), "another long passphrase"), null);

        assertProblem(again, 409, "conflict");
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aShortPasswordIsRefusedNamingThePolicyRule() {
        String email = "weak-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        HttpResponse<String> response = api.postJson("/api/auth/register", registration(email, "short"), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonObject problem = Api.json(response);
        assertThat(problem.getString("detail")).contains("'length'");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
        assertThat(users.realm().users().searchByEmail(email, true)).as("no half-made account is left").isEmpty();
    }

    @Test
    void thePasswordMustNotBeTheAddress() {
        String email = "same-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        HttpResponse<String> response = api.postJson("/api/auth/register", registration(email, email), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(Api.json(response).getString("detail")).containsAnyOf("'notEmail'", "'notUsername'");
    }

    @Test
    void invalidSignUpsAreRefusedWithTheFields() {
        HttpResponse<String> missing = api.postJson("/api/auth/register", "{\"email\": \"not-an-address\"}", null);
        assertProblem(missing, 400, "validation-failed");
        assertThat(missing.body()).contains("email", "password", "firstName", "lastName");

        HttpResponse<String> oversized = api.postJson("/api/auth/register",
                registration("big-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", "x".repeat(129)), null);
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("password");

        HttpResponse<String> malformed = api.postJson("/api/auth/register", "{\"email\": ", null);
        assertProblem(malformed, 400, "malformed-request");

        HttpResponse<String> withRoles = api.postJson("/api/auth/register",
                registration("roles-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", "a long enough passphrase")
                        .replace("{", "{\"roles\": [\"admin\"], "), null);
        assertThat(withRoles.statusCode()).as("no mass assignment of roles").isEqualTo(400);
    }

    static String registration(String email, String password) {
        return """
                {"email": "%s", "password": "%s", "firstName": "Robin", "lastName": "Shopper", "locale": "en"}"""
                .formatted(email, password);
    }

    /**
     * Follows Keycloak's link as a browser would: redirects, cookies (sent back although Keycloak marks them Secure,
     * as a browser does on localhost) and the confirmation page it may show. Answers the last page.
     */
    private static String followVerificationLink(String link) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newHttpClient();
        Map<String, String> cookies = new LinkedHashMap<>();
        URI next = URI.create(link);
        HttpResponse<String> page = null;
        for (int hop = 0; hop < 8 && next != null; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next);
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
            }
            page = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            page.headers().allValues("Set-Cookie").forEach(header -> {
                String pair = header.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            });
            URI current = next;
            next = page.headers().firstValue("Location").map(current::resolve).orElse(null);
            if (next == null && hop == 0) {
                Matcher confirm = CONFIRM_LINK.matcher(page.body());
                next = confirm.find() ? current.resolve(confirm.group(1).replace("&amp;", "&")) : null;
            }
        }
        return page.statusCode() + "\n" + page.body();
    }
}
