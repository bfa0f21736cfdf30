package dev.shopstream.payments;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Payments keeps the shape of docs/architecture.md. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.payments");
    }
}
