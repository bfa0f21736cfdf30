package dev.shopstream.auth;

import dev.shopstream.testkit.ServiceShape;
import org.junit.jupiter.api.Test;

/** Auth keeps the shape of docs/architecture.md; keycloak is its client of Keycloak's admin API. */
class ArchitectureTest {

    @Test
    void packagesFollowTheServiceShape() {
        ServiceShape.check("dev.shopstream.auth", "keycloak");
    }
}
