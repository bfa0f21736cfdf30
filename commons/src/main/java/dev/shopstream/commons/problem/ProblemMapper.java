package dev.shopstream.commons.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.List;
import java.util.Map;

/** An exception mapper that answers with a problem document about the request's path. */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    protected Response problem(ProblemType type, String detail) {
        return problem(type, detail, Map.of());
    }

    protected Response problem(ProblemType type, String detail, Map<String, String> headers) {
        return ProblemResponses.of(type, detail, uriInfo.getRequestUri().getPath(), List.of(), headers);
    }
}
