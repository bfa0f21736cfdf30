package dev.shopstream.auth.it;

import dev.shopstream.testkit.ApiContract;
import dev.shopstream.testkit.ApiContractTests;

/** The REST contract of auth: the served OpenAPI document passes the lint and is docs/api/auth.yaml. */
class ApiContractIT extends AuthApiTest implements ApiContractTests {

    @Override
    public ApiContract contract() {
        return ApiContract.served("auth", platform);
    }
}
