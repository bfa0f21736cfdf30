package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.ProblemResponses;
import dev.shopstream.commons.problem.ProblemType;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bucket4j token buckets per client key, in this replica's memory: at most 50,000 clients are tracked, the least
 * recently seen forgotten first. A request over its client's limit gets a 429 problem with {@code Retry-After};
 * every request carries its client's {@link RateLimitQuota} to the response.
 */
public final class ClientBuckets {

    private static final int MAX_TRACKED_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_TRACKED_CLIENTS;
                }
            });

    /**
     * Takes a token for {@code request} from {@code client}'s bucket, made on first use with {@code capacity} tokens
     * refilled at {@code refill} per {@code period}, and records the client's quota on the request. Over the limit,
     * the request is answered 429 with a detail that starts with {@code refusal}.
     */
    public void admit(ContainerRequestContext request, String client, long capacity, long refill, Duration period,
                      String refusal) {
        ConsumptionProbe probe = buckets.computeIfAbsent(client, key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long secondsUntilFull = ceilDiv((capacity - remaining) * period.toMillis(), refill * 1000);
        RateLimitQuota.record(request, new RateLimitQuota(capacity, remaining, secondsUntilFull));
        if (!probe.isConsumed()) {
            long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            request.abortWith(ProblemResponses.of(ProblemType.RATE_LIMITED,
                    refusal + "; retry after " + retryAfterSeconds + " s.",
                    request.getUriInfo().getRequestUri().getPath(), List.of(),
                    Map.of("Retry-After", Long.toString(retryAfterSeconds))));
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
