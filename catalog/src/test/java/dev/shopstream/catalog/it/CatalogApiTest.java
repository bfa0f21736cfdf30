package dev.shopstream.catalog.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every catalog integration test starts from: the shared platform, a client for its API, an admin token. */
@ExtendWith(CatalogPlatform.Extension.class)
abstract class CatalogApiTest {

    static CatalogPlatform platform;
    static Api api;
    static String admin;

    @BeforeAll
    static void connect(CatalogPlatform started) {
        platform = started;
        api = new Api(started.baseUri());
        admin = started.tokens().token("alice", "admin");
    }
}
