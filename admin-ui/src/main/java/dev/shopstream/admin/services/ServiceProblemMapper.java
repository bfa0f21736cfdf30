package dev.shopstream.admin.services;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.StringReader;
import java.util.List;

/**
 * Turns every error answer of a service into a {@link ServiceProblem}, reading the problem document the services
 * all send. Ahead of the generated clients' own mappers (a lower priority number wins), so callers handle one
 * unchecked type whichever service answered.
 */
@Priority(1)
public class ServiceProblemMapper implements ResponseExceptionMapper<ServiceProblem> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ServiceProblem toThrowable(Response response) {
        String correlationId = response.getHeaderString("X-Correlation-Id");
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String title = response.getStatusInfo().getReasonPhrase();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            List<ServiceProblem.FieldError> errors = problem.getJsonArray("errors") == null ? List.of()
                    : problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(error -> new ServiceProblem.FieldError(text(error, "field"), text(error, "message")))
                    .toList();
            return new ServiceProblem(response.getStatus(), textOr(problem, "title", title), text(problem, "detail"),
                    textOr(problem, "correlationId", correlationId), errors);
        } catch (JsonException | ClassCastException e) {
            // Not a problem document (a proxy's page, an empty body): the status line is all there is.
            return new ServiceProblem(response.getStatus(), title, null, correlationId, List.of());
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static String textOr(JsonObject object, String name, String fallback) {
        String value = text(object, name);
        return value == null ? fallback : value;
    }
}
