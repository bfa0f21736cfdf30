package dev.shopstream.payments.it;

import dev.shopstream.testkit.ApiContract;
import dev.shopstream.testkit.ApiContractTests;

/** The REST contract of payments: the served OpenAPI document passes the lint and is docs/api/payments.yaml. */
class ApiContractIT extends PaymentsApiTest implements ApiContractTests {

    @Override
    public ApiContract contract() {
        return ApiContract.served("payments", platform);
    }
}
