package dev.shopstream.commons.idempotency;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST endpoint that honours the {@code Idempotency-Key} header: a retried request with the same key and
 * body gets the first response again instead of a second effect.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** Whether a request without the header is refused (400) rather than processed without protection. */
    boolean required() default false;
}
