package dev.shopstream.notifications;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Notifications keeps the shape of docs/architecture.md. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.notifications");
    }
}
