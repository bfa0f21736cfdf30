package dev.shopstream.notifications.delivery;

import dev.shopstream.notifications.preference.Category;
import dev.shopstream.notifications.preference.UnsubscribeLinks;
import dev.shopstream.notifications.template.TemplateKey.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * E-mail through SMTP with Jakarta Mail: a text part and, where the template has one, an HTML alternative. The
 * server, STARTTLS and credentials come from configuration ({@code shopstream.mail.*}). The Message-ID is derived
 * from the delivery's id, so a message sent twice (the server died after the SMTP server took it and before the
 * delivery was marked sent) reaches the mailbox with the same id and mail clients show it once. Marketing mail
 * carries RFC 8058's one-click unsubscribe: {@code List-Unsubscribe} with the signed link and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (mail providers honour them only on mail whose DKIM
 * signature covers them: the relay's to add).
 */
@ApplicationScoped
public class MailSender implements Sender {

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    @Inject
    @ConfigProperty(name = "shopstream.mail.host")
    String host;

    @Inject
    @ConfigProperty(name = "shopstream.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "shopstream.mail.starttls")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "shopstream.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "shopstream.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "shopstream.mail.from")
    String from;

    @Inject
    @ConfigProperty(name = "shopstream.mail.timeout")
    Duration timeout;

    private Session session;

    @PostConstruct
    void configure() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        if (startTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (user.filter(name -> !name.isBlank()).isPresent()) {
            properties.put("mail.smtp.auth", "true");
            PasswordAuthentication login = new PasswordAuthentication(user.get(), password.orElse(""));
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return login;
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailedException {
        MimeMessage message;
        try {
            message = message(delivery);
        } catch (AddressException e) {
            throw new DeliveryFailedException(
                    "Not an e-mail address: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new DeliveryFailedException(
                    "Could not build the message: " + e.getMessage(), true, e);
        }
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            // Down, timed out, or refused (a refused recipient may be accepted later): tried again with backoff.
            throw new DeliveryFailedException(
                    "SMTP failed: " + e.getMessage(), false, e);
        }
    }

    private MimeMessage message(Delivery delivery) throws MessagingException {
        String messageId = "<" + delivery.id() + "@shopstream>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.recipient(), true));
        message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(delivery.createdAt()));
        if (delivery.category() == Category.MARKETING && delivery.userId() != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeLinks.url(delivery.userId(), delivery.category(),
                    delivery.channel()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (delivery.htmlBody() == null) {
            message.setText(delivery.textBody(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(delivery.textBody(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(delivery.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        return message;
    }
}
