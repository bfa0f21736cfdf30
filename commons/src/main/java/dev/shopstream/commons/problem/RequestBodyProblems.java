package dev.shopstream.commons.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that cannot be read as the expected JSON (syntax error, wrong type, unknown enum value) is the client's
 * mistake: 400 with a detail that never echoes parser internals. A body cut off by the size limit is a 413.
 */
@Provider
public class RequestBodyProblems implements ExceptionMapper<ProcessingException> {

    static final String MALFORMED_DETAIL =
            "The request could not be read: the body is not well-formed JSON, or a value or parameter has the wrong type.";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        String path = uriInfo.getRequestUri().getPath();
        if (tooLargeCause(exception) != null || isBodyReadingFailure(exception)) {
            return unreadableBody(exception, path);
        }
        return UnhandledExceptionMapper.internalError(exception, path);
    }

    /** 413 when the size limit cut the body off (the parser then fails too), otherwise 400. */
    static Response unreadableBody(Throwable failure, String path) {
        PayloadTooLargeException tooLarge = tooLargeCause(failure);
        return tooLarge != null ? ProblemResponses.of(tooLarge.type(), tooLarge.getMessage(), path)
                : ProblemResponses.of(ProblemType.MALFORMED_REQUEST, MALFORMED_DETAIL, path);
    }

    static PayloadTooLargeException tooLargeCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static boolean isBodyReadingFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException
                    || cause instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    /** JSON-B failures that reach a mapper without a ProcessingException around them. */
    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(JsonbException exception) {
            return unreadableBody(exception, uriInfo.getRequestUri().getPath());
        }
    }
}
