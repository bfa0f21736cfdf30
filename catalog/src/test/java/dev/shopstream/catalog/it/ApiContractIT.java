package dev.shopstream.catalog.it;

import dev.shopstream.testkit.ApiContract;
import dev.shopstream.testkit.ApiContractTests;

/** The REST contract of catalog: the served OpenAPI document passes the lint and is docs/api/catalog.yaml. */
class ApiContractIT extends CatalogApiTest implements ApiContractTests {

    @Override
    public ApiContract contract() {
        return ApiContract.served("catalog", platform);
    }
}
