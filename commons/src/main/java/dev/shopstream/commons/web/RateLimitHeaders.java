package dev.shopstream.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the client its {@link RateLimitQuota} on every response that passed a rate limit, a 429 included, as the
 * IETF draft's {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the
 * bucket is full again).
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RateLimitQuota quota = RateLimitQuota.of(request);
        if (quota != null) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", quota.limit());
            headers.putSingle("RateLimit-Remaining", quota.remaining());
            headers.putSingle("RateLimit-Reset", quota.resetSeconds());
        }
    }
}
