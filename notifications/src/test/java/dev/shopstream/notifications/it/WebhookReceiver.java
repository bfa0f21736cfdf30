package dev.shopstream.notifications.it;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An integrator's endpoint, written from docs/webhooks.md and nothing else: it records every post and answers the
 * status it is told to; {@link #verify} checks a post's signature the way the document tells receivers to.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One post as it arrived. */
    record Post(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                posts.add(new Post(headers, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to register, e.g. {@code http://localhost:40123/hook}. */
    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/hook");
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(int status) {
        answer.set(status);
    }

    Post await(Duration timeout) throws InterruptedException {
        Post post = posts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (post == null) {
            throw new AssertionError("No post to " + url() + " within " + timeout);
        }
        return post;
    }

    /**
     * The documented check: HMAC-SHA256, keyed with the base64-decoded secret after {@code whsec_}, over
     * {@code <webhook-id>.<webhook-timestamp>.<body>}; one of the space-separated {@code v1,<base64>} values must
     * match, compared in constant time; and the timestamp must be within five minutes of now.
     */
    static boolean verify(Post post, String secret) throws GeneralSecurityException {
        long timestamp = Long.parseLong(post.header("webhook-timestamp"));
        if (Math.abs(System.currentTimeMillis() / 1000 - timestamp) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((post.header("webhook-id") + "." + timestamp + "." + post.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : post.header("webhook-signature").split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
