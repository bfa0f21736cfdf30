package dev.shopstream.catalog.inventory;

/** A reservation holds stock until the order commits it (sold) or releases it, or its time runs out. */
public enum ReservationStatus {
    RESERVED, COMMITTED, RELEASED, EXPIRED
}
