package dev.shopstream.notifications.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SafeMustacheFactory;
import com.github.mustachejava.reflect.MapObjectHandler;
import dev.shopstream.commons.domain.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills templates in with Mustache (mustache.java, docs/adr/0008): logic-less, so a template staff edit can print
 * values, test them and loop over lists, never call code. Values are looked up in maps only (no reflection on the
 * objects behind them), partials and unescaped tags are refused, the HTML body escapes every value and the subject
 * and text body print them as they are. Compiled templates are kept per version, which never changes. A result
 * longer than {@link Rendered}'s limits is refused.
 */
@ApplicationScoped
public class TemplateRenderer {

    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
    private final SafeMustacheFactory html = factory(true);
    private final SafeMustacheFactory text = factory(false);

    /** @throws RuleViolationException if the result is longer than {@link Rendered}'s limits */
    public Rendered render(Template template, Map<String, Object> model) {
        String name = template.key() + "@" + template.version();
        return checked(
                execute(compiled.computeIfAbsent(name + "/subject", ignored -> compile(text, template.subject(), name)),
                        model).strip(),
                execute(compiled.computeIfAbsent(name + "/text", ignored -> compile(text, template.textBody(), name)),
                        model),
                template.htmlBody() == null ? null : execute(compiled.computeIfAbsent(name + "/html",
                        ignored -> compile(html, template.htmlBody(), name)), model));
    }

    /** Renders a draft, which is not kept; a template that does not compile, or renders too long, is refused. */
    public Rendered preview(String subject, String textBody, String htmlBody, Map<String, Object> model) {
        return checked(execute(compile(text, subject, "subject"), model).strip(),
                execute(compile(text, textBody, "text"), model),
                htmlBody == null ? null : execute(compile(html, htmlBody, "html"), model));
    }

    /** Refuses a draft that does not compile, before it is stored. */
    public void check(String subject, String textBody, String htmlBody) {
        compile(text, subject, "subject");
        compile(text, textBody, "text");
        if (htmlBody != null) {
            compile(html, htmlBody, "html");
        }
    }

    private static Rendered checked(String subject, String text, String html) {
        checkLength("subject", subject, Rendered.MAX_SUBJECT_LENGTH);
        checkLength("text body", text, Rendered.MAX_TEXT_LENGTH);
        checkLength("HTML body", html, Rendered.MAX_HTML_LENGTH);
        return new Rendered(subject, text, html);
    }

    private static void checkLength(String name, String rendered, int max) {
        if (rendered != null && rendered.length() > max) {
            throw new RuleViolationException("The filled-in " + name + " is " + rendered.length()
                    + " characters long; at most " + max + " are sent.");
        }
    }

    private static Mustache compile(SafeMustacheFactory factory, String source, String name) {
        try {
            return factory.compile(new StringReader(source), name);
        } catch (MustacheException e) {
            throw new RuleViolationException("The " + name + " template does not compile: " + e.getMessage());
        }
    }

    private static String execute(Mustache mustache, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        mustache.execute(out, model);
        return out.toString();
    }

    private static SafeMustacheFactory factory(boolean escapeHtml) {
        SafeMustacheFactory factory = new SafeMustacheFactory(Set.of(), "") {
            @Override
            public void encode(String value, Writer writer) {
                if (escapeHtml) {
                    super.encode(value, writer);
                    return;
                }
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        factory.setObjectHandler(new MapObjectHandler());
        return factory;
    }
}
