package dev.shopstream.notifications;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Notifications keeps the shape of docs/architecture.md; keycloak is its client of Keycloak's admin API. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.notifications", "keycloak");
    }
}
