package dev.shopstream.auth.it;

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
final class Api {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;

    Api(URI baseUri) {
        this.baseUri = baseUri;
    }

    HttpResponse<String> get(String path, String token) {
        return send(authorized(request(path), token).GET());
    }

    HttpResponse<String> post(String path, String token) {
        return send(authorized(request(path), token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> postJson(String path, String body, String token) {
        return send(authorized(request(path), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> putJson(String path, String body, String token) {
        return send(authorized(request(path), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> patchJson(String path, String body, String token) {
        return send(authorized(request(path), token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(authorized(request(path), token).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
