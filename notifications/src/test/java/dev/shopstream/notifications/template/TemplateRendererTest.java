package dev.shopstream.notifications.template;

import dev.shopstream.commons.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static Template template(String subject, String text, String html) {
        return new Template(new TemplateKey("order.confirmed", TemplateKey.Channel.EMAIL, "en"), 1, subject, text,
                html, "test", Instant.EPOCH);
    }

    @Test
    void escapesValuesInTheHtmlBodyOnlyAndLoopsOverLists() {
        Map<String, Object> model = Map.of("firstName", "<b>Ann</b> & co",
                "lines", List.of(Map.of("name", "Mug"), Map.of("name", "Cup")));
        Rendered rendered = renderer.render(template("  Hi {{firstName}}  ", "{{#lines}}{{name}};{{/lines}}",
                "<p>{{firstName}}</p>"), model);
        assertThat(rendered.subject()).isEqualTo("Hi <b>Ann</b> & co");
        assertThat(rendered.text()).isEqualTo("Mug;Cup;");
        assertThat(rendered.html()).isEqualTo("<p>&lt;b&gt;Ann&lt;/b&gt; &amp; co</p>");
    }

    @Test
    void looksValuesUpInMapsOnlyNeverOnTheObjectsBehindThem() {
        Rendered rendered = renderer.render(template("{{firstName.class}}{{firstName.bytes}}", "[{{missing}}]", null),
                Map.of("firstName", "Ann"));
        assertThat(rendered.subject()).isEmpty();
        assertThat(rendered.text()).isEqualTo("[]");
        assertThat(rendered.html()).isNull();
    }

    @Test
    void refusesTemplatesThatDoNotCompileIncludePartialsOrPrintUnescaped() {
        assertThatThrownBy(() -> renderer.check("{{#open}}", "text", null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("does not compile");
        assertThatThrownBy(() -> renderer.check("subject", "{{> /etc/passwd}}", null))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> renderer.check("subject", "text", "{{{firstName}}}"))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> renderer.check("subject", "text", "{{&firstName}}"))
                .isInstanceOf(RuleViolationException.class);
    }
}
