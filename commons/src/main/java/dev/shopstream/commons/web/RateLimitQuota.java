package dev.shopstream.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a client may still send under a rate limit, recorded on the request by {@link ClientBuckets} and told on the
 * response by {@link RateLimitHeaders}. Where two limits apply to a request (auth's anonymous endpoints), the one
 * with fewer requests left is kept.
 */
public record RateLimitQuota(long limit, long remaining, long resetSeconds) {

    private static final String PROPERTY = RateLimitQuota.class.getName();

    static void record(ContainerRequestContext request, RateLimitQuota quota) {
        RateLimitQuota recorded = of(request);
        if (recorded == null || quota.remaining < recorded.remaining) {
            request.setProperty(PROPERTY, quota);
        }
    }

    /** The quota recorded on {@code request}, or null when no limit was consulted. */
    static RateLimitQuota of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof RateLimitQuota quota ? quota : null;
    }
}
