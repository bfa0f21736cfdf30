package dev.shopstream.notifications.template;

import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What admins do with templates: edit one (a new version, checked to compile first), roll back to an earlier
 * version, and preview a draft against sample data before customers see it.
 */
@ApplicationScoped
public class Templates {

    @Inject
    TemplateStore store;

    @Inject
    TemplateRenderer renderer;

    public TemplateStore.Current current(TemplateKey key) {
        return store.current(key).orElseThrow(() -> new UnknownEntityException("Template", key));
    }

    public List<Template> versions(TemplateKey key) {
        List<Template> versions = store.versions(key);
        if (versions.isEmpty()) {
            throw new UnknownEntityException("Template", key);
        }
        return versions;
    }

    /** Stores a new version and puts it in use; a template new in this locale starts at version 1. */
    public TemplateStore.Current edit(TemplateKey key, String subject, String textBody, String htmlBody,
                                      String author, ExpectedVersion expected) {
        renderer.check(subject, textBody, htmlBody);
        store.add(key, subject, textBody, htmlBody, author, expected);
        return current(key);
    }

    public TemplateStore.Current rollBack(TemplateKey key, int version, ExpectedVersion expected) {
        store.use(key, version, expected);
        return current(key);
    }

    public Rendered preview(String subject, String textBody, String htmlBody) {
        return renderer.preview(subject, textBody, htmlBody, SampleData.MODEL);
    }
}
