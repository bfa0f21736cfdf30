package dev.shopstream.catalog.category;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The parent links of all categories, to find sub-trees and to refuse moves that would create a cycle. */
final class CategoryTree {

    private final Map<UUID, List<UUID>> children = new HashMap<>();

    CategoryTree(List<Category> categories) {
        for (Category category : categories) {
            if (category.parentId() != null) {
                children.computeIfAbsent(category.parentId(), parent -> new ArrayList<>()).add(category.id());
            }
        }
    }

    /** The category and every category below it. */
    Set<UUID> subtreeOf(UUID root) {
        Set<UUID> subtree = new HashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            if (subtree.add(next)) {
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return subtree;
    }
}
