package dev.shopstream.commons.web;

import dev.shopstream.commons.correlation.CorrelationId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Runs first: fixes the request's correlation id for everything that follows and returns it to the client. */
@Provider
@PreMatching
@Priority(100)
public class CorrelationIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        CorrelationId.set(CorrelationId.resolve(
                request.getHeaderString(CorrelationId.HEADER),
                request.getHeaderString(CorrelationId.TRACEPARENT_HEADER)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = CorrelationId.currentId();
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id);
        }
        CorrelationId.clear();
    }
}
