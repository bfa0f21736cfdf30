package dev.shopstream.commons.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises itself (unknown path 404, 405, 406, 415, a body it cannot read, a role check
 * that fails 403) keep their status but get a problem document with a safe detail.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        PayloadTooLargeException tooLarge = RequestBodyProblems.tooLargeCause(exception);
        if (tooLarge != null) {
            return ProblemResponses.of(tooLarge.type(), tooLarge.getMessage(), uriInfo.getRequestUri().getPath());
        }
        int status = exception.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> RequestBodyProblems.MALFORMED_DETAIL;
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your roles do not allow this operation.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This resource does not support the method.";
            case 406 -> "The resource cannot produce a representation you accept.";
            case 415 -> "Send the request body as application/json.";
            default -> type.title() + ".";
        };
        Response problem = ProblemResponses.of(type, detail, uriInfo.getRequestUri().getPath());
        // Keep headers the runtime set for a reason, such as Allow on 405.
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> problem.getHeaders().add(name, value));
            }
        });
        return problem;
    }
}
