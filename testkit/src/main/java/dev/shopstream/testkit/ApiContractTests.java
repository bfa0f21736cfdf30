package dev.shopstream.testkit;

import org.junit.jupiter.api.Test;

/**
 * The contract checks every service's ApiContractIT runs against its served OpenAPI document ({@link ApiContract}):
 * it passes the lint, and it is the committed copy the clients are generated from.
 */
public interface ApiContractTests {

    ApiContract contract();

    @Test
    default void theServedDocumentPassesTheLint() throws Exception {
        contract().assertLintPasses();
    }

    @Test
    default void theServedDocumentIsTheCommittedCopy() throws Exception {
        contract().assertMatchesCommittedCopy();
    }
}
