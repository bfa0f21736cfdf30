package dev.shopstream.orders;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Orders keeps the shape of docs/architecture.md; catalog, payments and remote are its clients of other services. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.orders", "catalog", "payments", "remote");
    }
}
