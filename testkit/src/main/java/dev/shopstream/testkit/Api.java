package dev.shopstream.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the API under test: JSON in, the raw response out. */
public final class Api {

    /** HTTP/1.1, as the services' REST clients speak it (and a hundred concurrent requests get a connection each). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;

    public Api(URI baseUri) {
        this.baseUri = baseUri;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    /** @param token {@code null} for an anonymous request, as in every method here */
    public HttpResponse<String> get(String path, String token) {
        return send(authorized(request(path), token).GET());
    }

    /** A POST without a body, e.g. a command such as {@code /disable}. */
    public HttpResponse<String> post(String path, String token) {
        return send(authorized(request(path), token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> postJson(String path, String body, String token, String... headers) {
        HttpRequest.Builder request = authorized(request(path), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** @param ifMatch {@code null} to send no {@code If-Match} */
    public HttpResponse<String> putJson(String path, String body, String token, String ifMatch) {
        HttpRequest.Builder request = authorized(request(path), token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public HttpResponse<String> patchJson(String path, String body, String token) {
        return send(authorized(request(path), token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(authorized(request(path), token).DELETE());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> download(String path, String token, String accept) {
        try {
            return client.send(request(path).header("Authorization", "Bearer " + token).header("Accept", accept)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
