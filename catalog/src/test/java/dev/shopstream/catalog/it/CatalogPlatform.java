package dev.shopstream.catalog.it;

import dev.shopstream.testkit.ServicePlatform;

import java.util.Map;

/** The catalog under test (see {@link ServicePlatform}), with a tight rate limit and a fast reservation expiry job. */
public final class CatalogPlatform extends ServicePlatform.Extension {

    @Override
    protected ServicePlatform start() {
        return ServicePlatform.start("catalog", Map.of(
                "SHOPSTREAM_RATE_LIMIT_CAPACITY", "300",
                "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "100",
                "SHOPSTREAM_RESERVATIONS_EXPIRY_INTERVAL", "PT1S"));
    }
}
