package dev.shopstream.orders.it;

import dev.shopstream.testkit.ApiContract;
import dev.shopstream.testkit.ApiContractTests;

/** The REST contract of orders: the served OpenAPI document passes the lint and is docs/api/orders.yaml. */
class ApiContractIT extends OrdersApiTest implements ApiContractTests {

    @Override
    public ApiContract contract() {
        return ApiContract.served("orders", platform);
    }
}
