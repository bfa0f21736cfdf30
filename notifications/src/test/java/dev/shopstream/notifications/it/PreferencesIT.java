package dev.shopstream.notifications.it;

import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.preference.Subscription;
import dev.shopstream.notifications.preference.SubscriptionSigner;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.EventTopic;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static dev.shopstream.testkit.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each user's own preferences: transactional always on, marketing off until they opt in, channel by channel; the
 * one-click unsubscribe link works without sign-in, and a link this shop did not sign changes nothing. Erasure
 * forgets the preferences.
 */
class PreferencesIT extends NotificationsApiTest {

    private static final String PREFERENCES = "/api/notifications/preferences";
    private static final SubscriptionSigner SIGNER = new SubscriptionSigner(
            NotificationsPlatform.UNSUBSCRIBE_SIGNING_KEY.getBytes(StandardCharsets.UTF_8));

    @Test
    void aNewUserReceivesTransactionalMessagesOnEveryChannelAndNoMarketing() {
        String user = "p-" + UUID.randomUUID();

        JsonObject preferences = Api.json(api.get(PREFERENCES, platform.tokens().token(user, "customer")));

        assertThat(choices(preferences)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "transactional/email", true, "transactional/in-app", true,
                "transactional/sms", false, "transactional/push", true,
                "marketing/email", false, "marketing/in-app", false,
                "marketing/sms", false, "marketing/push", false));
        assertThat(preferences.getJsonArray("preferences").getValuesAs(JsonObject.class))
                .allSatisfy(preference -> assertThat(preference.getBoolean("alwaysOn"))
                        .isEqualTo(preference.getString("category").equals("transactional")
                                && List.of("email", "in-app").contains(preference.getString("channel"))));
    }

    @Test
    void aUserOptsInToMarketingByMailAndOutAgain() {
        String token = platform.tokens().token("p-" + UUID.randomUUID(), "customer");

        JsonObject optedIn = Api.json(api.putJson(PREFERENCES, marketing("email", true), token, null));
        assertThat(choices(optedIn)).containsEntry("marketing/email", true).containsEntry("marketing/in-app", false);
        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).containsEntry("marketing/email", true);

        JsonObject optedOut = Api.json(api.putJson(PREFERENCES, "{\"preferences\":[]}", token, null));
        assertThat(choices(optedOut)).containsEntry("marketing/email", false)
                .containsEntry("transactional/email", true);
        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).containsEntry("marketing/email", false);
    }

    @Test
    void staffHaveTheirOwnPreferences() {
        String token = platform.tokens().token("staff-" + UUID.randomUUID(), "support");

        assertThat(choices(Api.json(api.putJson(PREFERENCES, marketing("in-app", true), token, null))))
                .containsEntry("marketing/in-app", true);
        assertThat(choices(Api.json(api.get(PREFERENCES, admin)))).containsEntry("marketing/in-app", false);
    }

    @Test
    void transactionalSmsIsOptedIntoAndTransactionalPushSwitchedOff() {
        String token = platform.tokens().token("p-" + UUID.randomUUID(), "customer");

        JsonObject chosen = Api.json(api.putJson(PREFERENCES, """
                {"preferences":[{"category":"transactional","channel":"sms","enabled":true},
                                {"category":"transactional","channel":"push","enabled":false}]}""", token, null));

        assertThat(choices(chosen)).containsEntry("transactional/sms", true).containsEntry("transactional/push", false)
                .containsEntry("transactional/email", true);
        assertThat(choices(Api.json(api.putJson(PREFERENCES, "{\"preferences\":[]}", token, null))))
                .as("back to the defaults").containsEntry("transactional/sms", false)
                .containsEntry("transactional/push", true);
    }

    @Test
    void transactionalMessagesCannotBeSwitchedOffAndNothingChanges() {
        String token = platform.tokens().token("p-" + UUID.randomUUID(), "customer");
        api.putJson(PREFERENCES, marketing("email", true), token, null);

        JsonObject problem = assertProblem(api.putJson(PREFERENCES, """
                {"preferences":[{"category":"transactional","channel":"email","enabled":false}]}""", token, null),
                422, "unprocessable");

        assertThat(problem.getString("detail")).contains("transactional");
        assertThat(choices(Api.json(api.get(PREFERENCES, token))))
                .containsEntry("transactional/email", true).containsEntry("marketing/email", true);
        assertThat(api.putJson(PREFERENCES, """
                {"preferences":[{"category":"transactional","channel":"email","enabled":true}]}""", token, null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void badPreferencesAreRefusedWithProblems() {
        String token = platform.tokens().token("p-" + UUID.randomUUID(), "customer");

        assertProblem(api.putJson(PREFERENCES, "{not json", token, null), 400, "malformed-request");
        assertThat(fields(assertProblem(api.putJson(PREFERENCES, "{}", token, null), 400, "validation-failed")))
                .containsExactly("preferences");
        assertThat(fields(assertProblem(api.putJson(PREFERENCES,
                "{\"preferences\":[{\"category\":\"marketing\",\"channel\":\"email\"}]}", token, null),
                400, "validation-failed"))).containsExactly("preferences[0].enabled");
        assertThat(fields(assertProblem(api.putJson(PREFERENCES,
                "{\"preferences\":[{\"category\":\"newsletter\",\"channel\":\"fax\",\"enabled\":true}]}", token,
                null), 400, "validation-failed"))).contains("preferences[0].category", "preferences[0].channel");
        assertProblem(api.putJson(PREFERENCES,
                "{\"preferences\":[{\"category\":\"marketing\",\"channel\":\"email\",\"enabled\":\"yes\"}]}", token,
                null), 400, "malformed-request");
        assertProblem(api.putJson(PREFERENCES, "{\"preferences\":\"all\"}", token, null), 400,
                "malformed-request");
        assertThat(fields(assertProblem(api.putJson(PREFERENCES, "{\"preferences\":["
                + ("{\"category\":\"marketing\",\"channel\":\"email\",\"enabled\":true},").repeat(20)
                + "{\"category\":\"marketing\",\"channel\":\"email\",\"enabled\":true}]}", token, null),
                400, "validation-failed"))).containsExactly("preferences");
        assertThat(fields(assertProblem(api.putJson(PREFERENCES, """
                {"preferences":[{"category":"marketing","channel":"email","enabled":true},
                                {"category":"marketing","channel":"email","enabled":false}]}""", token, null),
                400, "validation-failed"))).containsExactly("preferences[1]");
        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).containsEntry("marketing/email", false);

        assertUnauthorized(api.get(PREFERENCES, null));
        assertUnauthorized(api.putJson(PREFERENCES, marketing("email", true), platform.tokens().tampered("p"), null));
        assertProblem(api.get(PREFERENCES, platform.tokens().token("i", "integrator")), 403, "forbidden");
        assertProblem(api.putJson(PREFERENCES, marketing("email", true), platform.tokens().token("i", "integrator"),
                null), 403, "forbidden");
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSignInAndAgainChangesNothing() {
        String user = "p-" + UUID.randomUUID();
        String token = platform.tokens().token(user, "customer");
        api.putJson(PREFERENCES, "{\"preferences\":[{\"category\":\"marketing\",\"channel\":\"email\",\"enabled\":true},"
                + "{\"category\":\"marketing\",\"channel\":\"in-app\",\"enabled\":true}]}", token, null);
        String link = unsubscribeLink("sub-" + user, Channel.EMAIL);

        HttpResponse<String> page = api.get(link, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("marketing messages by email", "<form method=\"post\"");
        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).as("a GET changes nothing")
                .containsEntry("marketing/email", true);

        for (int click = 0; click < 2; click++) {
            HttpResponse<String> unsubscribed = oneClick(link);
            assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
            assertThat(Api.json(unsubscribed).getBoolean("subscribed")).isFalse();
            assertThat(Api.json(unsubscribed).getString("channel")).isEqualTo("email");
        }
        assertThat(choices(Api.json(api.get(PREFERENCES, token))))
                .containsEntry("marketing/email", false).containsEntry("marketing/in-app", true);
        assertThat(api.get(link, null).body()).contains("You no longer receive marketing messages by email");
    }

    @Test
    void aTamperedOrMalformedUnsubscribeLinkIsRefusedAndChangesNothing() {
        String user = "p-" + UUID.randomUUID();
        String token = platform.tokens().token(user, "customer");
        api.putJson(PREFERENCES, marketing("email", true), token, null);
        String victim = SIGNER.sign(new Subscription("sub-" + user, Category.MARKETING, Channel.EMAIL));
        String mine = SIGNER.sign(new Subscription("sub-someone-else", Category.MARKETING, Channel.EMAIL));
        SubscriptionSigner otherKey = new SubscriptionSigner(
                "an-attacker-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
        String unsubscribe = "/api/notifications/unsubscribe";

        for (String forged : new String[] {victim.split("\\.")[0] + "." + mine.split("\\.")[1],
                otherKey.sign(new Subscription("sub-" + user, Category.MARKETING, Channel.EMAIL))}) {
            assertProblem(oneClick(unsubscribe + "?subscription=" + forged), 403, "forbidden");
            assertProblem(api.get(unsubscribe + "?subscription=" + forged, null), 403, "forbidden");
        }
        assertThat(fields(assertProblem(oneClick(unsubscribe + "?subscription=garbage"), 400,
                "validation-failed"))).containsExactly("subscription");
        assertProblem(oneClick(unsubscribe), 400, "validation-failed");
        assertProblem(oneClick(unsubscribe + "?subscription=" + "A".repeat(1_201)), 400, "validation-failed");
        assertProblem(api.get(unsubscribe + "?subscription=a.b", null), 400, "validation-failed");
        assertProblem(oneClick(unsubscribe + "?subscription="
                + SIGNER.sign(new Subscription("sub-" + user, Category.TRANSACTIONAL, Channel.EMAIL))), 422,
                "unprocessable");

        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).containsEntry("marketing/email", true);
    }

    @Test
    void userDeletedForgetsThePreferences() throws Exception {
        String user = "p-" + UUID.randomUUID();
        String token = platform.tokens().token(user, "customer");
        api.putJson(PREFERENCES, marketing("email", true), token, null);

        RecordMetadata deleted = userEvents.send("sub-" + user, EventTopic.userDeleted("sub-" + user).json());
        userEvents.awaitAcknowledged(GROUP, deleted, DEADLINE);

        try (Connection database = platform.database();
             PreparedStatement stored = database.prepareStatement("SELECT count(*) FROM preference WHERE user_id = ?")) {
            stored.setString(1, "sub-" + user);
            try (ResultSet row = stored.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isZero();
            }
        }
        assertThat(choices(Api.json(api.get(PREFERENCES, token)))).containsEntry("marketing/email", false);
    }

    /** The path and query of the link a marketing mail to the user would carry. */
    static String unsubscribeLink(String userId, Channel channel) {
        return "/api/notifications/unsubscribe?subscription="
                + SIGNER.sign(new Subscription(userId, Category.MARKETING, channel));
    }

    /** What a mail client's unsubscribe button sends (RFC 8058): a form POST, no credentials. */
    static HttpResponse<String> oneClick(String pathAndQuery) {
        return api.send(api.request(pathAndQuery).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    }

    static String marketing(String channel, boolean enabled) {
        return "{\"preferences\":[{\"category\":\"marketing\",\"channel\":\"" + channel + "\",\"enabled\":" + enabled
                + "}]}";
    }

    static Map<String, Boolean> choices(JsonObject preferences) {
        Map<String, Boolean> choices = new TreeMap<>();
        preferences.getJsonArray("preferences").getValuesAs(JsonObject.class).forEach(preference ->
                choices.put(preference.getString("category") + "/" + preference.getString("channel"),
                        preference.getBoolean("enabled")));
        return choices;
    }
}
