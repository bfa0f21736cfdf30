package dev.shopstream.testkit;

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
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail the platform sent to its SMTP server (GreenMail), read as a user would: the messages to an address and
 * their text. It reads whichever SMTP server the platform runs now ({@link ServicePlatform#withSmtpDown} starts a new
 * one).
 */
public final class Mailbox {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?[^\\s\"<>]+");

    private final ServicePlatform platform;

    public Mailbox(ServicePlatform platform) {
        this.platform = platform;
    }

    /** The text of the newest message to {@code address}, waiting up to {@code timeout} for one to arrive. */
    public Optional<String> awaitMessageTo(String address, Duration timeout) {
        return awaitMessagesTo(address, 1, timeout).stream().reduce((first, second) -> second).map(Mailbox::text);
    }

    /** The messages to {@code address}, oldest first, once there are at least {@code count} (or at the deadline). */
    public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> messages = messagesTo(address);
        while (messages.size() < count && Instant.now().isBefore(deadline)) {
            TokenEndpoint.sleep(Duration.ofMillis(200));
            messages = messagesTo(address);
        }
        return messages;
    }

    public List<MimeMessage> messagesTo(String address) {
        return platform.smtp().receivedMessages().stream().filter(message -> isTo(message, address)).toList();
    }

    public long countTo(String address) {
        return messagesTo(address).size();
    }

    /** The first Keycloak action link (verify e-mail, update password) in a message's text. */
    public static String actionLink(String text) {
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

    /** Every text part of a message (plain and HTML), one after the other. */
    public static String text(Part part) {
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
