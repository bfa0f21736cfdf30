package dev.shopstream.commons.problem;

import dev.shopstream.commons.correlation.CorrelationId;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The last resort: the stack trace goes to the log under the correlation id, the client gets a bare 500. */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, uriInfo.getRequestUri().getPath());
    }

    static Response internalError(Throwable exception, String instance) {
        String correlationId = CorrelationId.currentId();
        LOG.log(Level.SEVERE, exception, () -> "Unhandled failure [correlationId=" + correlationId + "] on " + instance);
        return ProblemResponses.of(ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly. Quote the correlation id when you report it.", instance);
    }
}
