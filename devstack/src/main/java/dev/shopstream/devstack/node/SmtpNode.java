package dev.shopstream.devstack.node;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.List;

/**
 * An SMTP server (GreenMail) inside this JVM that accepts any sender, recipient and login and keeps every message,
 * so tests and developers can read what the services sent.
 */
public final class SmtpNode implements AutoCloseable {

    private static final String HOST = "localhost";

    private final GreenMail greenMail;
    private final int port;

    private SmtpNode(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static SmtpNode start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new StartupFailure("GreenMail", "did not start SMTP on port " + port + ": " + e.getMessage(), null, e);
        }
        return new SmtpNode(greenMail, port);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages have arrived in total; false if they did not in time. */
    public boolean awaitMessages(int count, Duration timeout) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    }

    public void deleteAllMessages() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail could not delete its messages", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
