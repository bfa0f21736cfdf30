package dev.shopstream.catalog;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Catalog keeps the shape of docs/architecture.md. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.catalog");
    }
}
