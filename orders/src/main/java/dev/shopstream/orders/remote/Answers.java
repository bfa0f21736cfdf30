package dev.shopstream.orders.remote;

import dev.shopstream.commons.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.function.Supplier;

/** How orders reads another service's answers: a 5xx or no answer at all is a reason to try again later. */
public final class Answers {

    private Answers() {
    }

    /**
     * Makes the call and returns its answer when it is not a 5xx; the caller reads the status and closes it.
     *
     * @param what the call, for the exception's message, e.g. {@code "catalog reserve order 42"}
     */
    public static Response of(String what, Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            throw new RemoteUnavailableException(what + ": no answer", e);
        }
        if (response.getStatus() >= 500) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            response.close();
            throw new RemoteUnavailableException(what + ": answered " + response.getStatus() + " " + body);
        }
        return response;
    }

    /** The {@code detail} of a problem document, or the body as it is when it is none. */
    public static String detail(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        try {
            return Jsonp.createReader(new StringReader(body)).readObject().getString("detail", body);
        } catch (JsonException | ClassCastException e) {
            return body;
        }
    }
}
