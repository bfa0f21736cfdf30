package dev.shopstream.catalog.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources whose writers read back what they changed (staff and integrators editing products, prices,
 * SKUs and stock): {@link ReadYourWritesFilter} answers their writes only once the change shows. Reservations are
 * not marked: the orders service does not read product pages, and it should not wait for them on its checkout path.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadYourWrites {
}
