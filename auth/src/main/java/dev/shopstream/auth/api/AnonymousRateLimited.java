package dev.shopstream.auth.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint anyone may call that costs Keycloak work or sends mail (sign-up, password reset): it gets a
 * much smaller bucket per client address than the general rate limit, see {@link AnonymousRateLimitFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnonymousRateLimited {
}
