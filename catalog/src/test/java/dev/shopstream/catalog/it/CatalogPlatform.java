package dev.shopstream.catalog.it;

import dev.shopstream.testkit.ServicePlatform;

import java.util.Map;

/**
 * The catalog under test (see {@link ServicePlatform}), with a fast reservation expiry job and a rate limit that
 * refills slowly, so OperationsIT can overrun it however slow the machine (every client of the other tests stays
 * well within 1,000 requests plus 10 a second).
 */
public final class CatalogPlatform extends ServicePlatform.Extension {

    @Override
    protected ServicePlatform start() {
        return ServicePlatform.start("catalog", Map.of(
                "SHOPSTREAM_RATE_LIMIT_CAPACITY", "1000",
                "SHOPSTREAM_RATE_LIMIT_REFILL_PER_SECOND", "10",
                "SHOPSTREAM_RESERVATIONS_EXPIRY_INTERVAL", "PT1S"));
    }
}
