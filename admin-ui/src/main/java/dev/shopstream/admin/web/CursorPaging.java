package dev.shopstream.admin.web;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a list page stands in a service's cursor paging: the cursor of the page shown, the next page's cursor the
 * service gave, and the cursors of the pages before, so "Previous page" works although the services only go forward.
 */
public final class CursorPaging implements Serializable {

    private String cursor;
    private String nextCursor;
    private final Deque<String> previousCursors = new ArrayDeque<>();

    /** The cursor to ask for the page to show; null for the first. */
    public String cursor() {
        return cursor;
    }

    /** The page shown has arrived, with the service's cursor of the page after it (null on the last page). */
    public void shown(String next) {
        nextCursor = next;
    }

    /** Back to the first page (new filters). */
    public void first() {
        cursor = null;
        previousCursors.clear();
    }

    public void next() {
        previousCursors.push(cursor == null ? "" : cursor);
        cursor = nextCursor;
    }

    public void previous() {
        String previous = previousCursors.isEmpty() ? "" : previousCursors.pop();
        cursor = previous.isEmpty() ? null : previous;
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public boolean hasPrevious() {
        return !previousCursors.isEmpty();
    }
}
