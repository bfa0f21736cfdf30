package dev.shopstream.catalog.product;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

    private static final Clock CREATED = Clock.fixed(Instant.parse("2026-12-05T10:15:30.123456789Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CREATED, Duration.ofMinutes(5));

    private static ProductDetails details(String name, ProductStatus status, Money... prices) {
        return new ProductDetails("stool", status, null, name, "  Oak, 45 cm  ", List.of(prices),
                Map.of("colour", "oak"), List.of("https://img.example/stool.jpg"));
    }

    private static ProductDetails stool() {
        return details(" Stool ", ProductStatus.ACTIVE, Money.of(2500, "EUR"), Money.of(2700, "USD"));
    }

    @Test
    void aNewProductKeepsTrimmedDetailsAndMicrosecondTimestamps() {
        Product product = Product.create(stool(), CREATED);

        assertThat(product.name()).isEqualTo("Stool");
        assertThat(product.description()).isEqualTo("Oak, 45 cm");
        assertThat(product.prices()).containsExactly(Money.of(2500, "EUR"), Money.of(2700, "USD"));
        assertThat(product.createdAt()).isEqualTo(product.updatedAt());
        assertThat(product.createdAt().getNano() % 1_000).as("cut to PostgreSQL's microseconds").isZero();
        assertThat(product.createdAt().toInstant())
                .isEqualTo(Instant.parse("2026-12-05T10:15:30.123456Z").truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aProductNeedsAPrice() {
        assertThatThrownBy(() -> Product.create(details("Stool", ProductStatus.ACTIVE), CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identicalDetailsChangeNothing() {
        Product product = Product.create(stool(), CREATED);

        assertThat(product.hasDetails(stool())).isTrue();
        assertThat(product.hasDetails(details("Stool", ProductStatus.ACTIVE, Money.of(2700, "USD"),
                Money.of(2500, "EUR")))).as("prices in another order are the same prices").isTrue();
        assertThat(product.hasDetails(details("Stool", ProductStatus.ACTIVE, Money.of(2600, "EUR"),
                Money.of(2700, "USD")))).isFalse();
        assertThat(product.hasDetails(details("Stool", ProductStatus.DRAFT, Money.of(2500, "EUR"),
                Money.of(2700, "USD")))).isFalse();
    }

    @Test
    void anUpdateReplacesTheDetailsAndMovesUpdatedAt() {
        Product product = Product.create(stool(), CREATED);

        product.update(details("Stool v2", ProductStatus.DRAFT, Money.of(2600, "EUR")), LATER);

        assertThat(product.name()).isEqualTo("Stool v2");
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(product.prices()).containsExactly(Money.of(2600, "EUR"));
        assertThat(product.updatedAt()).isAfter(product.createdAt());
    }

    @Test
    void archivingIsForGoodAndOnce() {
        Product product = Product.create(stool(), CREATED);

        assertThat(product.archive(LATER)).isTrue();
        assertThat(product.archive(LATER)).as("archiving again changes nothing").isFalse();
        assertThat(product.status()).isEqualTo(ProductStatus.ARCHIVED);
        assertThatThrownBy(() -> product.update(stool(), LATER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpdateCannotArchive() {
        Product product = Product.create(stool(), CREATED);

        assertThatThrownBy(() -> product.update(details("Stool", ProductStatus.ARCHIVED, Money.of(1, "EUR")), LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
    }

    @Test
    void staffSetOnePricePerCurrencyAndNeverTheArchivedStatus() {
        assertThatCode(() -> stool().requireSettable()).doesNotThrowAnyException();
        assertThatThrownBy(() -> details("Stool", ProductStatus.ACTIVE, Money.of(2500, "EUR"), Money.of(2400, "EUR"))
                .requireSettable())
                .isInstanceOf(RuleViolationException.class).hasMessage("Two prices in EUR; give one per currency.");
        assertThatThrownBy(() -> details("Stool", ProductStatus.ARCHIVED, Money.of(2500, "EUR")).requireSettable())
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("archive");
    }
}
