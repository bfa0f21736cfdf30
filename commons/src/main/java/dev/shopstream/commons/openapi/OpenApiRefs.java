package dev.shopstream.commons.openapi;

/**
 * References to the parts every service's OpenAPI document shares, which {@link StandardProblemResponses} defines
 * once under {@code components}. A resource method names the header it takes with
 * {@code @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)} instead of describing it again.
 */
public final class OpenApiRefs {

    /** The optional {@code Idempotency-Key} request header, for methods marked {@code @Idempotent}. */
    public static final String IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey";

    /** The {@code Idempotency-Key} request header where {@code @Idempotent(required = true)}: missing → 400. */
    public static final String IDEMPOTENCY_KEY_REQUIRED = "#/components/parameters/IdempotencyKeyRequired";

    /**
     * The {@code If-Match} request header of an update under optimistic locking. A hand-written
     * {@code @HeaderParam("If-Match")} is documented as this reference without further annotation.
     */
    public static final String IF_MATCH = "#/components/parameters/IfMatch";

    private OpenApiRefs() {
    }
}
