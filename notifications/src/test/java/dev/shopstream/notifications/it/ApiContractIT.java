package dev.shopstream.notifications.it;

import dev.shopstream.testkit.ApiContract;
import dev.shopstream.testkit.ApiContractTests;

/** The REST contract of notifications: the served OpenAPI document passes the lint and is docs/api/notifications.yaml. */
class ApiContractIT extends NotificationsApiTest implements ApiContractTests {

    @Override
    public ApiContract contract() {
        return ApiContract.served("notifications", platform);
    }
}
