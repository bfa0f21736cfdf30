package dev.shopstream.admin.payments;

import dev.shopstream.admin.client.payments.ReconciliationApi;
import dev.shopstream.admin.client.payments.model.GapKind;
import dev.shopstream.admin.client.payments.model.GapRecord;
import dev.shopstream.admin.client.payments.model.ReconciliationRun;
import dev.shopstream.admin.client.payments.model.Window;
import dev.shopstream.admin.services.ServiceCalls;
import dev.shopstream.admin.web.CursorPaging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciliation: the gaps runs found between our ledger and the provider (by kind and run, cursor paging), the runs
 * this page has looked at or started, and, for admins, starting a run over whole UTC days. Payments lists no runs,
 * so a run is shown by its id: from a gap, from the lookup, or once started here.
 */
@Named
@ViewScoped
public class Reconciliation implements Serializable {

    private static final int PAGE_SIZE = 20;
    private static final int RUNS_SHOWN = 20;

    @Inject
    transient ServiceCalls calls;

    @Inject
    @RestClient
    transient ReconciliationApi reconciliations;

    private GapKind kind;
    @Min(1)
    private Long gapRunId;
    private List<GapRecord> gaps = List.of();
    private final CursorPaging paging = new CursorPaging();

    /** Newest first, one entry per run. */
    private final List<ReconciliationRun> runs = new ArrayList<>();
    @NotNull
    @Min(1)
    private Long lookupRunId;

    @NotNull
    @PastOrPresent
    private LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    @NotNull
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);

    public void load() {
        calls.get("list reconciliation gaps",
                () -> reconciliations.listReconciliationGaps(paging.cursor(), kind, PAGE_SIZE, gapRunId))
                .ifPresent(found -> {
                    gaps = found.getItems() == null ? List.of() : found.getItems();
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

    public void lookUp() {
        show(lookupRunId);
    }

    /** Reads the run again (a run started moments ago is still starting or running). */
    public void show(Long runId) {
        calls.get("read reconciliation run " + runId, () -> reconciliations.getReconciliation(runId))
                .ifPresent(this::remember);
    }

    /** Only the gaps this run found. */
    public void gapsOf(Long runId) {
        gapRunId = runId;
        kind = null;
        filter();
    }

    public void start() {
        Window window = new Window().from(from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .to(to.atStartOfDay().atOffset(ZoneOffset.UTC));
        calls.get("start the reconciliation", () -> reconciliations.createReconciliation(window)).ifPresent(run -> {
            remember(run);
            calls.done("Reconciliation run " + run.getId() + " of " + from + " to " + to + " started: "
                    + run.getStatus() + ". Refresh it to follow it.");
        });
    }

    private void remember(ReconciliationRun run) {
        runs.removeIf(known -> known.getId().equals(run.getId()));
        runs.add(0, run);
        if (runs.size() > RUNS_SHOWN) {
            runs.remove(runs.size() - 1);
        }
    }

    public List<GapRecord> getGaps() {
        return gaps;
    }

    public boolean isHasNext() {
        return paging.hasNext();
    }

    public boolean isHasPrevious() {
        return paging.hasPrevious();
    }

    public GapKind[] getKinds() {
        return GapKind.values();
    }

    public List<ReconciliationRun> getRuns() {
        return runs;
    }

    public GapKind getKind() {
        return kind;
    }

    public void setKind(GapKind kind) {
        this.kind = kind;
    }

    public Long getGapRunId() {
        return gapRunId;
    }

    public void setGapRunId(Long gapRunId) {
        this.gapRunId = gapRunId;
    }

    public Long getLookupRunId() {
        return lookupRunId;
    }

    public void setLookupRunId(Long lookupRunId) {
        this.lookupRunId = lookupRunId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
