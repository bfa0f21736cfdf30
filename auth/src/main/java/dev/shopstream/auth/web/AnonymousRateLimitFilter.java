package dev.shopstream.auth.web;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token bucket per client address and endpoint for {@link AnonymousRateLimited} endpoints, on top of commons'
 * general limit: sign-up and password reset make Keycloak hash passwords and send mail, so a script must not be able
 * to use them as a mail cannon or to probe many addresses. Like commons' limit it lives in this replica's memory.
 */
@Provider
@AnonymousRateLimited
@Priority(Priorities.AUTHORIZATION + 50)
public class AnonymousRateLimitFilter implements ContainerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    @Inject
    @ConfigProperty(name = "shopstream.auth.anonymous-rate-limit.capacity")
    long capacity;

    @Inject
    @ConfigProperty(name = "shopstream.auth.anonymous-rate-limit.refill-per-minute")
    long refillPerMinute;

    @Context
    HttpServletRequest servletRequest;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_TRACKED_CLIENTS;
                }
            });

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        ConsumptionProbe probe = buckets.computeIfAbsent(servletRequest.getRemoteAddr() + " " + path, key -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            request.abortWith(ProblemResponses.of(ProblemType.RATE_LIMITED,
                    "Too many requests from this address; retry after " + retryAfterSeconds + " s.", path,
                    List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds))));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
