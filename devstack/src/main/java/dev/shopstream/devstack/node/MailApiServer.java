package dev.shopstream.devstack.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shows the mail the local SMTP server received: {@code GET /api/messages} (JSON) for scripts and end-to-end tests,
 * {@code DELETE /api/messages} to empty it, and a page at {@code /} for people.
 */
public final class MailApiServer implements AutoCloseable {

    private final HttpServer server;

    private MailApiServer(HttpServer server) {
        this.server = server;
    }

    public static MailApiServer start(SmtpNode smtp, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new StartupFailure("Mail API", "could not listen on port " + port + ": " + e.getMessage(), null, e);
        }
        server.createContext("/api/messages", exchange -> serveApi(exchange, smtp));
        server.createContext("/", exchange -> servePage(exchange, smtp));
        server.start();
        return new MailApiServer(server);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serveApi(HttpExchange exchange, SmtpNode smtp) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> respond(exchange, 200, "application/json", messagesAsJson(smtp));
            case "DELETE" -> {
                smtp.deleteAllMessages();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            default -> respond(exchange, 405, "text/plain", "GET or DELETE");
        }
    }

    private static void servePage(HttpExchange exchange, SmtpNode smtp) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, "text/plain", "Not found");
            return;
        }
        respond(exchange, 200, "text/html; charset=utf-8", messagesAsPage(smtp));
    }

    private static String messagesAsJson(SmtpNode smtp) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (ReceivedMail mail : receivedMail(smtp)) {
            messages.add(Json.createObjectBuilder()
                    .add("from", mail.from())
                    .add("to", Json.createArrayBuilder(mail.to()))
                    .add("subject", mail.subject())
                    .add("date", mail.date())
                    .add("text", mail.text()));
        }
        return messages.build().toString();
    }

    private static String messagesAsPage(SmtpNode smtp) {
        List<ReceivedMail> newestFirst = new ArrayList<>(receivedMail(smtp));
        Collections.reverse(newestFirst);
        String rows = newestFirst.stream().map(mail -> """
                <tr><td>%s</td><td>%s</td><td>%s</td><td><b>%s</b><pre>%s</pre></td></tr>
                """.formatted(html(mail.date()), html(mail.from()), html(String.join(", ", mail.to())),
                html(mail.subject()), html(mail.text()))).collect(Collectors.joining());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Shopstream local mail</title>
                <style>body{font-family:sans-serif;margin:2em}td{vertical-align:top;padding:.4em;border-bottom:1px solid #ddd}
                pre{white-space:pre-wrap;margin:.4em 0 0}</style></head>
                <body><h1>Mail sent by the local platform (%d)</h1>
                <p>Refreshes every 5 s. JSON: <code>GET /api/messages</code>; empty with <code>DELETE /api/messages</code>.</p>
                <table><tr><th>Date</th><th>From</th><th>To</th><th>Message</th></tr>
                %s</table></body></html>
                """.formatted(newestFirst.size(), rows);
    }

    private static List<ReceivedMail> receivedMail(SmtpNode smtp) {
        return smtp.receivedMessages().stream().map(ReceivedMail::of).toList();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(bytes);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The parts of a received message that people and tests look at. */
    private record ReceivedMail(String from, List<String> to, String subject, String date, String text) {

        static ReceivedMail of(MimeMessage message) {
            try {
                return new ReceivedMail(
                        addresses(message.getFrom()).stream().findFirst().orElse(""),
                        addresses(message.getRecipients(Message.RecipientType.TO)),
                        Optional.ofNullable(message.getSubject()).orElse(""),
                        Optional.ofNullable(message.getSentDate()).or(() -> Optional.ofNullable(receivedDate(message)))
                                .map(Date::toInstant).map(Object::toString).orElse(""),
                        textOf(message));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Cannot read a received message", e);
            }
        }

        private static Date receivedDate(MimeMessage message) {
            try {
                return message.getReceivedDate();
            } catch (MessagingException e) {
                throw new IllegalStateException("Cannot read the date of a received message", e);
            }
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
        }

        // Prefers the plain-text alternative of a multipart message; falls back to the first text part.
        private static String textOf(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/*")) {
                return String.valueOf(part.getContent());
            }
            if (!part.isMimeType("multipart/*")) {
                return "";
            }
            Multipart multipart = (Multipart) part.getContent();
            String fallback = "";
            for (int index = 0; index < multipart.getCount(); index++) {
                Part child = multipart.getBodyPart(index);
                if (child.isMimeType("text/plain")) {
                    return String.valueOf(child.getContent());
                }
                if (fallback.isEmpty()) {
                    fallback = textOf(child);
                }
            }
            return fallback;
        }
    }
}
