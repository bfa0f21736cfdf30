package dev.shopstream.commons.domain;

import java.util.Set;

/**
 * The versions of an entity a change may be based on, so concurrent changes are not overwritten. The {@code api}
 * layer builds it from {@code If-Match} (a list of tags); {@link #any()} accepts every version ({@code If-Match: *}).
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(Set.of());

    private final Set<Long> versions;

    private ExpectedVersion(Set<Long> versions) {
        this.versions = Set.copyOf(versions);
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version));
    }

    /** One of {@code versions}; an empty set accepts none. */
    public static ExpectedVersion oneOf(Set<Long> versions) {
        return versions.isEmpty() ? new ExpectedVersion(Set.of(-1L)) : new ExpectedVersion(versions);
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    /** Throws {@link StaleVersionException} unless {@code current} is a version the change may be based on. */
    public void check(long current) {
        if (!versions.isEmpty() && !versions.contains(current)) {
            throw new StaleVersionException("The resource has changed since you read it (current ETag \"" + current
                    + "\"); read it again and reapply your change.");
        }
    }
}
