package dev.shopstream.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service that runs on its own Liberty server, which the build creates under the service's target/.
 *
 * @param apiPath the resource a developer tries first, shown in the launcher's summary
 */
record LibertyService(String name, PortSetting port, String apiPath) {

    static final LibertyService CATALOG =
            new LibertyService("catalog", new PortSetting("SHOPSTREAM_CATALOG_PORT", 9082), "/api/products");
    static final LibertyService AUTH =
            new LibertyService("auth", new PortSetting("SHOPSTREAM_AUTH_PORT", 9081), "/api/auth/me");
    static final LibertyService PAYMENTS = new LibertyService("payments",
            new PortSetting("SHOPSTREAM_PAYMENTS_PORT", 9084), "/api/payments/intents");
    static final LibertyService ORDERS =
            new LibertyService("orders", new PortSetting("SHOPSTREAM_ORDERS_PORT", 9083), "/api/cart");
    static final LibertyService NOTIFICATIONS = new LibertyService("notifications",
            new PortSetting("SHOPSTREAM_NOTIFICATIONS_PORT", 9085), "/api/notifications/messages");
    static final LibertyService ADMIN_UI =
            new LibertyService("admin-ui", new PortSetting("SHOPSTREAM_ADMIN_UI_PORT", 9080), "/");
    static final List<LibertyService> ALL = List.of(CATALOG, AUTH, PAYMENTS, ORDERS, NOTIFICATIONS, ADMIN_UI);

    Path userDirectory(Path root) {
        return root.resolve(name).resolve("target").resolve("liberty-usr");
    }

    boolean isBuilt(Path root) {
        return Files.isRegularFile(userDirectory(root).resolve("servers").resolve(name).resolve("server.xml"));
    }
}
