package dev.shopstream.catalog.category;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T10:00:00Z");

    private final UUID furniture = UUID.randomUUID();
    private final UUID chairs = UUID.randomUUID();
    private final UUID stools = UUID.randomUUID();
    private final UUID lamps = UUID.randomUUID();

    private CategoryTree tree() {
        return new CategoryTree(List.of(
                new Category(furniture, "furniture", "Furniture", null, NOW),
                new Category(chairs, "chairs", "Chairs", furniture, NOW),
                new Category(stools, "stools", "Stools", chairs, NOW),
                new Category(lamps, "lamps", "Lamps", null, NOW)));
    }

    @Test
    void aSubtreeHoldsTheCategoryAndEveryCategoryBelowIt() {
        assertThat(tree().subtreeOf(furniture)).containsExactlyInAnyOrder(furniture, chairs, stools);
        assertThat(tree().subtreeOf(chairs)).containsExactlyInAnyOrder(chairs, stools);
    }

    @Test
    void aLeafIsItsOwnSubtree() {
        assertThat(tree().subtreeOf(stools)).containsExactly(stools);
        assertThat(tree().subtreeOf(lamps)).containsExactly(lamps);
    }

    @Test
    void parentLinksThatLoopStillEnd() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CategoryTree looped = new CategoryTree(List.of(new Category(a, "a", "A", b, NOW),
                new Category(b, "b", "B", a, NOW)));

        assertThat(looped.subtreeOf(a)).containsExactlyInAnyOrder(a, b);
    }
}
