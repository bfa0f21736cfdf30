package dev.shopstream.catalog.consistency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the writes whose writers read back what they changed (staff and integrators editing products, prices, SKUs
 * and stock): such a write returns only once its change shows everywhere it is read, after its transaction commits
 * (see {@code search.ReadYourWritesInterceptor}). Reservations are not marked: the orders service does not read
 * product pages, and it should not wait for them on its checkout path.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadYourWrites {
}
