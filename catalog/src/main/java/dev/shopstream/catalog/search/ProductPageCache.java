package dev.shopstream.catalog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public product pages kept in memory, so the catalogue's most frequent read usually costs no database round trip.
 * A page is dropped as soon as PostgreSQL announces a committed change to its product, prices, SKUs or stock
 * ({@link ProductChangeListener}, on every replica); while nobody listens, for instance while the database is away,
 * pages come from the database and the cache starts empty again afterwards. The size is bounded by the pages' length
 * ({@code shopstream.product-pages.cache.max-chars}, 32 Mi characters ≈ 32 MiB of compact strings) and every page
 * expires after {@code shopstream.product-pages.cache.time-to-live} (10 minutes) in any case.
 */
@ApplicationScoped
public class ProductPageCache {

    private static final String NO_CURRENCY = "";

    @Inject
    ProductPages pages;

    @Inject
    @ConfigProperty(name = "shopstream.product-pages.cache.max-chars", defaultValue = "33554432")
    long maxChars;

    @Inject
    @ConfigProperty(name = "shopstream.product-pages.cache.time-to-live", defaultValue = "PT10M")
    Duration timeToLive;

    @Inject
    @Metric(name = "product_page_cache_hits", absolute = true,
            description = "Product pages served from memory")
    Counter hits;

    @Inject
    @Metric(name = "product_page_cache_misses", absolute = true,
            description = "Product pages read from the database (not cached, or the cache was not listening)")
    Counter misses;

    private record Key(UUID productId, String currency) {
    }

    private Cache<Key, ProductPages.Page> cache;
    /** The currencies pages were cached in: a product's pages are dropped in each of them. */
    private final Set<String> currencies = ConcurrentHashMap.newKeySet();
    /** Counts drops, so a page read before a change that was announced during the read is not kept. */
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean listening;

    @PostConstruct
    void build() {
        cache = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((Key key, ProductPages.Page page) -> page.json().length())
                .expireAfterWrite(timeToLive)
                .build();
    }

    /** Like {@link ProductPages#find}, from memory when the page is cached and changes are being listened to. */
    public Optional<ProductPages.Page> find(UUID id, String currency) {
        if (!listening) {
            misses.inc();
            return pages.find(id, currency);
        }
        Key key = new Key(id, currency == null ? NO_CURRENCY : currency);
        ProductPages.Page cached = cache.getIfPresent(key);
        if (cached != null) {
            hits.inc();
            return Optional.of(cached);
        }
        misses.inc();
        long dropsBeforeRead = drops.get();
        Optional<ProductPages.Page> page = pages.find(id, currency);
        page.ifPresent(read -> {
            currencies.add(key.currency());
            cache.put(key, read);
            // A drop since the read may concern this product, whose change the read may have missed; a drop after
            // this check comes after the put and removes the page itself.
            if (drops.get() != dropsBeforeRead) {
                cache.invalidate(key);
            }
        });
        return page;
    }

    /** A change to the product was committed: its pages are read from the database again. */
    void drop(UUID productId) {
        drops.incrementAndGet();
        currencies.forEach(currency -> cache.invalidate(new Key(productId, currency)));
    }

    /** Changes are announced to this replica from now on: cache pages, starting from none. */
    void listening() {
        dropAll();
        listening = true;
    }

    /** Changes may go unheard from now on: serve pages from the database and forget the cached ones. */
    void deaf() {
        listening = false;
        dropAll();
    }

    void dropAll() {
        drops.incrementAndGet();
        cache.invalidateAll();
    }
}
