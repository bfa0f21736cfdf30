package dev.shopstream.admin.users;

import dev.shopstream.admin.client.auth.UsersStaffApi;
import dev.shopstream.admin.client.auth.model.UserSummary;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.web.CursorPaging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

/** User accounts found by part of their user name, address or name (every account without one), cursor paging. */
@Named
@ViewScoped
public class Users implements Serializable {

    private static final int PAGE_SIZE = 20;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient UsersStaffApi users;

    @Size(max = 100)
    private String query;
    private List<UserSummary> page = List.of();
    private final CursorPaging paging = new CursorPaging();

    public void load() {
        String q = query == null || query.isBlank() ? null : query.trim();
        calls.get("search users", () -> users.searchUsers(paging.cursor(), PAGE_SIZE, q)).ifPresent(found -> {
            page = found.getItems() == null ? List.of() : found.getItems();
            paging.shown(found.getNextCursor());
        });
    }

    public void filter() {
        paging.first();
        load();
    }

    public void next() {
        paging.next();
        load();
    }

    public void previous() {
        paging.previous();
        load();
    }

    public List<UserSummary> getPage() {
        return page;
    }

    public boolean isHasNext() {
        return paging.hasNext();
    }

    public boolean isHasPrevious() {
        return paging.hasPrevious();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
