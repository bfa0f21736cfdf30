package dev.shopstream.notifications.it;

import dev.shopstream.testkit.Api;
import dev.shopstream.testkit.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.shopstream.testkit.Problems.assertProblem;
import static dev.shopstream.testkit.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins edit templates as new versions under optimistic locking, preview drafts, roll back a bad edit; customers
 * receive the version in use, with every value escaped in the HTML part.
 */
class TemplateIT extends NotificationsApiTest {

    private static final String DELIVERED = "/api/notifications/templates/order.delivered/email/en";

    private static String input(String subject, String text, String html) {
        var body = Json.createObjectBuilder().add("subject", subject).add("textBody", text);
        if (html != null) {
            body.add("htmlBody", html);
        }
        return body.build().toString();
    }

    @Test
    void anEditIsANewVersionInUseAtOnceAndARollbackPutsTheOldOneBack() throws Exception {
        HttpResponse<String> current = api.get(DELIVERED, admin);
        assertThat(current.statusCode()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        int version = Api.json(current).getInt("version");

        HttpResponse<String> edited = api.putJson(DELIVERED, input("Delivered: {{order.number}}",
                "Hello {{firstName}}, {{order.number}} is with you.", "<p>{{order.number}} for {{firstName}}</p>"),
                admin, etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Api.json(edited).getInt("version")).isEqualTo(version + 1);
        assertThat(Api.json(edited).getString("author")).isEqualTo("alice");
        assertProblem(api.putJson(DELIVERED, input("x", "y", null), admin, etag), 412, "precondition-failed");

        Shopper shopper = registeredShopper("<b>Mallory</b>", "en");
        String orderId = newOrderId();
        sendOrderEvent(orderEvent("delivered", shopper.userId(), orderId));
        List<MimeMessage> mail = mailbox.awaitMessagesTo(shopper.email(), 2, DEADLINE);
        assertThat(mail.get(1).getSubject()).isEqualTo("Delivered: " + orderId.substring(0, 8).toUpperCase());
        assertThat(Mailbox.text(mail.get(1)))
                .contains("Hello <b>Mallory</b>, ")
                .contains("for &lt;b&gt;Mallory&lt;/b&gt;</p>");

        HttpResponse<String> rolledBack = api.postJson(DELIVERED + "/rollback", "{\"version\":" + version + "}",
                admin, "If-Match", edited.headers().firstValue("ETag").orElseThrow());
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(Api.json(rolledBack).getInt("version")).isEqualTo(version);
        assertThat(Api.jsonArray(api.get(DELIVERED + "/versions", admin)).getValuesAs(JsonObject.class))
                .extracting(template -> template.getInt("version")).startsWith(version + 1, version);
        assertThat(Api.json(api.get(DELIVERED, admin)).getString("subject")).isEqualTo("Order {{order.number}} has arrived");
    }

    @Test
    void editsAreRefusedWithoutIfMatchWhenTheyDoNotCompileAndForAnyoneButAdmins() {
        assertProblem(api.putJson(DELIVERED, input("x", "y", null), admin, null), 428, "precondition-required");
        String etag = api.get(DELIVERED, admin).headers().firstValue("ETag").orElseThrow();
        JsonObject broken = assertProblem(api.putJson(DELIVERED, input("{{#order}}unclosed", "y", null), admin, etag),
                422, "unprocessable");
        assertThat(broken.getString("detail")).contains("does not compile");
        assertProblem(api.putJson(DELIVERED, input("x", "{{{unescaped}}}", null), admin, etag), 422, "unprocessable");
        assertProblem(api.putJson("/api/notifications/templates/order.delivered/in-app/en",
                input("x", "y", "<p>no</p>"), admin, "*"), 400, "validation-failed");
        assertProblem(api.putJson("/api/notifications/templates/order.delivered/sms/en",
                input("x", "y", "<p>no</p>"), admin, "*"), 400, "validation-failed");
        assertProblem(api.putJson(DELIVERED, "{\"subject\":\"x\"}", admin, etag), 400, "validation-failed");
        assertProblem(api.putJson(DELIVERED, input("x".repeat(201), "y", null), admin, etag), 400, "validation-failed");
        assertProblem(api.putJson(DELIVERED, "{not json", admin, etag), 400, "malformed-request");
        assertProblem(api.get("/api/notifications/templates/Not_A_Notice/email/en", admin), 400, "validation-failed");
        assertProblem(api.get("/api/notifications/templates/order.delivered/fax/en", admin), 400, "validation-failed");
        assertProblem(api.get("/api/notifications/templates/order.unknown/email/en", admin), 404, "not-found");
        assertProblem(api.putJson(DELIVERED, input("x", "y", null), support, etag), 403, "forbidden");
        assertProblem(api.get("/api/notifications/templates", platform.tokens().token("c", "customer")), 403,
                "forbidden");
        assertUnauthorized(api.get("/api/notifications/templates", null));
    }

    @Test
    void aPreviewRendersADraftAgainstSampleDataAndStoresNothing() {
        HttpResponse<String> preview = api.postJson("/api/notifications/templates/preview",
                input("Order {{order.number}}", "{{#order.lines}}{{quantity}} × {{productName}}{{/order.lines}}",
                        "<p>{{firstName}}</p>"), admin);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonObject rendered = Api.json(preview);
        assertThat(rendered.getString("subject")).isEqualTo("Order 3F0C2A4E");
        assertThat(rendered.getString("text")).isEqualTo("2 × Red mug");
        assertThat(rendered.getString("html")).isEqualTo("<p>Robin</p>");
    }
}
