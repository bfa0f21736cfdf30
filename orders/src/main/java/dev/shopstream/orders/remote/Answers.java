package dev.shopstream.orders.remote;

import dev.shopstream.commons.json.Jsonp;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.json.JsonException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.function.Supplier;

/**
 * How orders reads another service's answers: a 5xx, no answer at all, or "the first request with this
 * Idempotency-Key is still being processed" (a retry that overtook a slow first attempt) is a reason to try again
 * later, never a refusal.
 */
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
        if (response.getStatus() >= 500 || response.getStatus() == 409) {
            response.bufferEntity();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (tryAgainLater(response.getStatus(), body)) {
                response.close();
                throw new RemoteUnavailableException(what + ": answered " + response.getStatus() + " " + body);
            }
        }
        return response;
    }

    /** Whether an answer says to come back later: a 5xx, or a 409 because the same key's first request still runs. */
    static boolean tryAgainLater(int status, String body) {
        if (status >= 500) {
            return true;
        }
        if (status != 409) {
            return false;
        }
        try {
            return ProblemType.IDEMPOTENCY_KEY_IN_USE.uri().toString()
                    .equals(Jsonp.createReader(new StringReader(body)).readObject().getString("type", null));
        } catch (JsonException | ClassCastException e) {
            return false;
        }
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
