package dev.shopstream.commons.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paged list; {@code nextCursor} is absent on the last page. */
public record Page<T>(@Schema(maxItems = Page.MAX_ITEMS, description = "At most the limit asked for")
                      List<T> items,
                      @Schema(maxLength = Cursor.MAX_LENGTH,
                              description = "Pass it back as cursor for the next page; absent on the last page")
                      String nextCursor) {

    /** The largest page any list offers (each list's limit parameter states its own maximum). */
    public static final int MAX_ITEMS = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** Builds a page from up to {@code limit + 1} fetched rows: the extra row only says another page exists. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
