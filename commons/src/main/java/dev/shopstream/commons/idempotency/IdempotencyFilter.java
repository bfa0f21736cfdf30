package dev.shopstream.commons.idempotency;

import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Implements {@link Idempotent}: claims the key before the resource runs, replays the stored response to a retry,
 * refuses a reused key with a different request (422) or while the first is running (409), and stores the
 * response once it is written. A 5xx answer is not stored, so the client's retry is processed again.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE, HttpHeaders.LAST_MODIFIED);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";

    private record ClaimedKey(String principal, String key) {
    }

    private record PendingResponse(ClaimedKey claimed, int status, Map<String, String> headers) {
    }

    @Inject
    IdempotencyStore store;

    @Inject
    @ConfigProperty(name = "shopstream.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            if (isRequired()) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING,
                        "This operation requires an Idempotency-Key header (1 to 255 visible ASCII characters).");
            }
            return;
        }
        if (!KEY.matcher(key).matches()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));

        String principal = principalOf(request);
        IdempotencyStore.Claim claim = store.claim(principal, key, hash(request, body), ttl);
        if (claim instanceof IdempotencyStore.Claim.Granted) {
            request.setProperty(CLAIM, new ClaimedKey(principal, key));
        } else if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            request.abortWith(replayOf(replay.response()));
        } else if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key.");
        } else {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still being processed; retry later.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof ClaimedKey claimed)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claimed.principal(), claimed.key());
        } else if (!response.hasEntity()) {
            store.complete(claimed.principal(), claimed.key(),
                    new StoredResponse(response.getStatus(), replayedHeaders(response), new byte[0]));
        } else {
            // The body is serialised after the filters; aroundWriteTo stores it. Both share the request's properties.
            request.setProperty(PENDING, new PendingResponse(claimed, response.getStatus(), replayedHeaders(response)));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof PendingResponse response)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new TeeOutputStream(original, copy));
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
        }
        store.complete(response.claimed().principal(), response.claimed().key(),
                new StoredResponse(response.status(), response.headers(), copy.toByteArray()));
    }

    private boolean isRequired() {
        Idempotent annotation = resourceInfo.getResourceMethod().getAnnotation(Idempotent.class);
        if (annotation == null) {
            annotation = resourceInfo.getResourceClass().getAnnotation(Idempotent.class);
        }
        return annotation != null && annotation.required();
    }

    private static String principalOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            return token.getSubject();
        }
        return principal == null ? "anonymous" : principal.getName();
    }

    /** Method, path and body: a retry must be the same request, not just carry the same key. */
    static String hash(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, String> replayedHeaders(ContainerResponseContext response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static Response replayOf(StoredResponse stored) {
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        stored.headers().forEach(replay::header);
        if (stored.body().length > 0) {
            replay.entity(new ByteArrayInputStream(stored.body()));
        }
        return replay.build();
    }

    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream target;
        private final OutputStream copy;

        TeeOutputStream(OutputStream target, OutputStream copy) {
            this.target = target;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
