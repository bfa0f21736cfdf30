package dev.shopstream.commons.problem;

import dev.shopstream.commons.correlation.CorrelationId;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;

/**
 * Liberty's MicroProfile JWT refuses a missing, expired or forged token with a bare 401 and its
 * {@code WWW-Authenticate} challenge. This gives that answer the problem document every other refusal has, with the
 * challenge left as it is.
 */
@Provider
public class UnauthorizedProblemFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != ProblemType.UNAUTHORIZED.status() || response.hasEntity()) {
            return;
        }
        ProblemType type = ProblemType.UNAUTHORIZED;
        response.setEntity(new Problem(type.uri(), type.title(), type.status(),
                        "Send a valid access token from the shopstream realm: Authorization: Bearer <token>.",
                        request.getUriInfo().getRequestUri().getPath(), CorrelationId.currentId(), null),
                new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
