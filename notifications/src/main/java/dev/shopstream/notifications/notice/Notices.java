package dev.shopstream.notifications.notice;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.inbox.UnprocessableEventException;
import dev.shopstream.notifications.delivery.Delivery;
import dev.shopstream.notifications.delivery.DeliveryStore;
import dev.shopstream.notifications.live.LiveEvents;
import dev.shopstream.notifications.message.InAppMessageStore;
import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.preference.Preferences;
import dev.shopstream.notifications.preference.UnsubscribeLinks;
import dev.shopstream.notifications.push.Device;
import dev.shopstream.notifications.push.DeviceStore;
import dev.shopstream.notifications.recipient.Recipient;
import dev.shopstream.notifications.recipient.Recipients;
import dev.shopstream.notifications.sms.PhoneNumbers;
import dev.shopstream.notifications.template.Rendered;
import dev.shopstream.notifications.template.Template;
import dev.shopstream.notifications.template.TemplateKey;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import dev.shopstream.notifications.template.TemplateRenderer;
import dev.shopstream.notifications.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns a notice into what its recipient receives, in the consumer's transaction (so it happens once per event):
 * on each channel the recipient's preferences allow for the notice's category (a marketing notice to someone who
 * has not opted in on a channel sends, queues and logs nothing there), renders the template of the channel in the
 * recipient's locale (or the default locale when there is none in theirs), queues the mail for the dispatcher,
 * stores the in-app message and puts it in the user's live stream, and logs every delivery. Marketing templates can
 * print {@code unsubscribeUrl}. A mail to a user whose address is unknown (or too long to send to) is logged dead, so
 * staff see it. An SMS goes to the phone number Keycloak has for the user (asked only when the user's preferences
 * allow SMS); a user without one, or with one that is not in international format, gets an SMS logged dead with the
 * reason. A push notification goes to each device the user registered (one delivery per device); a user without a
 * device gets none, and nothing is logged (push is on by default, and most users have no app). A notice without a
 * template on a channel is skipped on that channel with a warning. A notice with an
 * id longer than {@link Notice#MAX_ID_LENGTH}, or whose filled-in template is longer than {@link Rendered}'s limits,
 * is unprocessable: its event is dead-lettered.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    @Inject
    TemplateStore templates;

    @Inject
    TemplateRenderer renderer;

    @Inject
    DeliveryStore deliveries;

    @Inject
    InAppMessageStore messages;

    @Inject
    LiveEvents live;

    @Inject
    Preferences preferences;

    @Inject
    Recipients recipients;

    @Inject
    DeviceStore devices;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    @Inject
    @ConfigProperty(name = "shopstream.notifications.default-locale")
    String defaultLocale;

    /** @param recipient whom it goes to; empty when the user's address is not known */
    public void announce(Notice notice, Optional<Recipient> recipient) {
        announce(notice, recipient, this::template);
    }

    /**
     * Like {@link #announce(Notice, Optional)}, rendered from the notice's own content instead of the stored
     * templates (a broadcast's).
     *
     * @param contents the template for a notice, channel and the recipient's locale, or the fallback it chooses
     */
    public void announce(Notice notice, Optional<Recipient> recipient,
                         Function<TemplateKey, Optional<Template>> contents) {
        checkIds(notice);
        String locale = recipient.map(known -> Locale.forLanguageTag(known.localeOr(defaultLocale)).getLanguage())
                .filter(language -> !language.isEmpty()).orElse(defaultLocale);
        for (Channel channel : notice.channels()) {
            if (!preferences.allows(notice.userId(), notice.category(), channel)) {
                continue;
            }
            Optional<Template> template = contents.apply(new TemplateKey(notice.name(), channel, locale));
            if (template.isEmpty()) {
                LOG.warning(() -> "No " + channel.code() + " template for notice " + notice.name() + "; event "
                        + notice.eventId() + " sends nothing on that channel");
                continue;
            }
            Map<String, Object> model = new HashMap<>(notice.model().apply(Locale.forLanguageTag(
                    template.get().key().locale())));
            recipient.map(Recipient::firstName).ifPresent(firstName -> model.put("firstName", firstName));
            if (notice.category() == Category.MARKETING) {
                model.put("unsubscribeUrl", unsubscribeLinks.url(notice.userId(), notice.category(), channel));
            }
            Rendered rendered = rendered(notice, template.get(), model);
            switch (channel) {
                case EMAIL -> mail(notice, recipient, template.get(), rendered);
                case IN_APP -> inApp(notice, template.get(), rendered);
                case SMS -> sms(notice, template.get(), rendered);
                case PUSH -> push(notice, template.get(), rendered);
                case WEBHOOK -> throw new IllegalArgumentException("Notices do not go to webhooks: " + notice.name());
            }
        }
    }

    private void mail(Notice notice, Optional<Recipient> recipient, Template template, Rendered rendered) {
        Optional<String> address = recipient.map(Recipient::email)
                .filter(email -> email.length() <= Recipient.MAX_EMAIL_LENGTH);
        Delivery.Draft draft = new Delivery.Draft(notice.eventId(), notice.name(), Channel.EMAIL, notice.userId(),
                address.orElse(unknownAddress(notice)), template.key().locale(), template.version(),
                rendered.subject(), rendered.text(), rendered.html(), notice.category());
        if (address.isPresent()) {
            deliveries.add(draft, Delivery.Status.QUEUED, null);
        } else if (recipient.isPresent()) {
            String whose = notice.userId() == null ? "staff" : "user " + notice.userId();
            deliveries.add(draft, Delivery.Status.DEAD, "The e-mail address known for " + whose + " is longer than "
                    + Recipient.MAX_EMAIL_LENGTH + " characters; no mail can go to it.");
        } else {
            deliveries.add(draft, Delivery.Status.DEAD, "No e-mail address is known for user " + notice.userId()
                    + " (neither user.registered nor Keycloak gave one).");
        }
    }

    /** Stands for a missing address, one per user: a broadcast's deliveries to several such users stay apart. */
    private static String unknownAddress(Notice notice) {
        return notice.userId() == null ? "unknown" : "unknown:" + notice.userId();
    }

    private void inApp(Notice notice, Template template, Rendered rendered) {
        if (notice.userId() == null) {
            return;
        }
        messages.add(notice.eventId(), notice.userId(), notice.name(), rendered.subject(), rendered.text().strip(),
                notice.orderId()).ifPresent(live::message);
        deliveries.add(new Delivery.Draft(notice.eventId(), notice.name(), Channel.IN_APP, notice.userId(),
                notice.userId(), template.key().locale(), template.version(), rendered.subject(),
                rendered.text().strip(), null, notice.category()), Delivery.Status.SENT, null);
    }

    private void sms(Notice notice, Template template, Rendered rendered) {
        if (notice.userId() == null) {
            return;
        }
        Optional<String> written = recipients.phoneNumber(notice.userId());
        Optional<String> number = written.flatMap(PhoneNumbers::normalized);
        Delivery.Draft draft = new Delivery.Draft(notice.eventId(), notice.name(), Channel.SMS, notice.userId(),
                number.orElse(unknownAddress(notice)), template.key().locale(), template.version(),
                rendered.subject(), rendered.text().strip(), null, notice.category());
        if (number.isPresent()) {
            deliveries.add(draft, Delivery.Status.QUEUED, null);
        } else if (written.isPresent()) {
            deliveries.add(draft, Delivery.Status.DEAD, "The phone number Keycloak has for user " + notice.userId()
                    + " is not one in international format (+ and country code); no SMS can go to it.");
        } else {
            deliveries.add(draft, Delivery.Status.DEAD, "No phone number is known for user " + notice.userId()
                    + " (Keycloak has no phoneNumber attribute for them).");
        }
    }

    private void push(Notice notice, Template template, Rendered rendered) {
        if (notice.userId() == null) {
            return;
        }
        List<Device> registered = devices.of(notice.userId());
        if (registered.isEmpty()) {
            LOG.fine(() -> "User " + notice.userId() + " has no device registered; event " + notice.eventId()
                    + " sends no push notification");
        }
        for (Device device : registered) {
            deliveries.add(new Delivery.Draft(notice.eventId(), notice.name(), Channel.PUSH, notice.userId(),
                    device.id().toString(), template.key().locale(), template.version(), rendered.subject(),
                    rendered.text().strip(), null, notice.category()), Delivery.Status.QUEUED, null);
        }
    }

    private static void checkIds(Notice notice) {
        for (String id : Arrays.asList(notice.eventId(), notice.userId(), notice.orderId())) {
            if (id != null && id.length() > Notice.MAX_ID_LENGTH) {
                throw new UnprocessableEventException("The event's id, user id or order id is longer than "
                        + Notice.MAX_ID_LENGTH + " characters.");
            }
        }
    }

    private Rendered rendered(Notice notice, Template template, Map<String, Object> model) {
        try {
            return renderer.render(template, model);
        } catch (RuleViolationException e) {
            throw new UnprocessableEventException("Event " + notice.eventId() + " cannot be sent with template "
                    + template.key() + "@" + template.version() + ": " + e.getMessage(), e);
        }
    }

    private Optional<Template> template(TemplateKey key) {
        return templates.current(key).or(() -> templates.current(key.inLocale(defaultLocale)))
                .map(TemplateStore.Current::template);
    }
}
