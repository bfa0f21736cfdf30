package dev.shopstream.auth.it;

import dev.shopstream.devstack.node.SmtpNode;
import dev.shopstream.testkit.TokenEndpoint;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail Keycloak sent to GreenMail, read as a user would: the text of the latest message to an address. */
final class Mailbox {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?[^\\s\"<>]+");

    private final SmtpNode smtp;

    Mailbox(SmtpNode smtp) {
        this.smtp = smtp;
    }

    /** The text of the newest message to {@code address}, waiting up to {@code timeout} for one to arrive. */
    Optional<String> awaitMessageTo(String address, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            Optional<String> text = smtp.receivedMessages().stream()
                    .filter(message -> isTo(message, address))
                    .reduce((first, second) -> second)
                    .map(Mailbox::text);
            if (text.isPresent()) {
                return text;
            }
            TokenEndpoint.sleep(Duration.ofMillis(200));
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    long countTo(String address) {
        return smtp.receivedMessages().stream().filter(message -> isTo(message, address)).count();
    }

    /** The first Keycloak action link (verify e-mail, update password) in a message's text. */
    static String actionLink(String text) {
        Matcher link = ACTION_LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("No action link in the mail:\n" + text);
        }
        return link.group().replace("&amp;", "&");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int index = 0; index < multipart.getCount(); index++) {
                    BodyPart body = multipart.getBodyPart(index);
                    text.append(text(body)).append('\n');
                }
                return text.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}
