package dev.shopstream.notifications.provider;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.notifications.delivery.DeliveryFailedException;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An SMS or push provider reached over HTTP: each message is one {@code POST} of JSON to the configured URL, with
 * the configured token as {@code Authorization: Bearer} and the delivery's id as {@code Idempotency-Key} (the same on
 * every attempt), redirects not followed. A 2xx answer is sent. A provider that cannot be reached, times out,
 * answers 5xx, 408, 425 or 429, or refuses our credentials (401, 403: ours to fix, not the message's) is tried
 * again with the dispatcher's backoff; 410 means the recipient is gone ({@link RecipientGoneException}); any other
 * 4xx refuses the message for good. Errors name the status only: a provider's answer may repeat the recipient.
 */
public class HttpProvider implements MessageProvider {

    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(401, 403, 408, 425, 429);

    private final URI url;
    private final Optional<String> token;
    private final Duration timeout;
    private final HttpClient client;

    public HttpProvider(URI url, Optional<String> token, Duration timeout) {
        this.url = url;
        this.token = token.filter(value -> !value.isBlank());
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    public URI url() {
        return url;
    }

    @Override
    public void send(ProviderMessage message) throws DeliveryFailedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "Shopstream-Notifications/1")
                .header("Idempotency-Key", message.reference())
                .POST(HttpRequest.BodyPublishers.ofString(body(message)));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException("The " + message.channel().code() + " provider did not answer within "
                    + timeout + ".", false, e);
        } catch (IOException e) {
            throw new DeliveryFailedException("Could not reach the " + message.channel().code() + " provider: " + e,
                    false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Interrupted while posting to the provider", false, e);
        }
        classify(message, response.statusCode());
    }

    private static void classify(ProviderMessage message, int status) throws DeliveryFailedException {
        String provider = "The " + message.channel().code() + " provider answered " + status;
        if (status / 100 == 2) {
            return;
        }
        if (status == 410) {
            throw new RecipientGoneException(provider + ": the recipient is gone.");
        }
        if (status == 401 || status == 403) {
            throw new DeliveryFailedException(provider + ": it refused our credentials "
                    + "(check shopstream.notifications." + message.channel().code() + ".http.token).", false, null);
        }
        boolean permanent = status / 100 == 4 && !RETRYABLE_CLIENT_ERRORS.contains(status);
        throw new DeliveryFailedException(provider + (permanent ? ": it refused the message." : "."), permanent,
                null);
    }

    /** The JSON posted: the documented request of notifications/README.md ("SMS and push"). */
    static String body(ProviderMessage message) {
        JsonObjectBuilder body = Jsonp.createObjectBuilder()
                .add("reference", message.reference())
                .add("channel", message.channel().code())
                .add("notice", message.notice())
                .add("to", message.to());
        if (message.platform() != null) {
            body.add("platform", message.platform());
            body.add("title", message.title());
        }
        return body.add("text", message.text()).build().toString();
    }
}
