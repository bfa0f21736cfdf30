package dev.shopstream.payments.api;

import dev.shopstream.commons.paging.Cursor;
import dev.shopstream.commons.paging.Page;
import dev.shopstream.commons.problem.FieldViolation;
import dev.shopstream.commons.problem.ProblemException;
import dev.shopstream.commons.problem.ProblemType;
import dev.shopstream.commons.problem.ResourceNotFoundException;
import dev.shopstream.commons.problem.UnprocessableException;
import dev.shopstream.payments.reconciliation.GapKind;
import dev.shopstream.payments.reconciliation.GapRecord;
import dev.shopstream.payments.reconciliation.ReconciliationJobs;
import dev.shopstream.payments.reconciliation.ReconciliationRun;
import dev.shopstream.payments.reconciliation.ReconciliationRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reconciliation of the ledger with the provider: admins start runs and read the gaps found. */
@Path("/payments/reconciliations")
@Tag(name = "Reconciliation", description = "Checking the ledger against the provider's records: a daily run and "
        + "runs admins start, and the gaps they find. Support and admins read; admins start runs.")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ReconciliationResource {

    private static final Duration MAX_WINDOW = Duration.ofDays(31);

    @Inject
    ReconciliationJobs jobs;

    @Inject
    ReconciliationRuns runs;

    @Inject
    JsonWebToken caller;

    @Context
    UriInfo uriInfo;

    /** The window to reconcile: payments and provider charges created in {@code [from, to)}. */
    public record Window(@NotNull @Schema(example = "2026-11-01T00:00:00Z", description = "The window's start, "
                                 + "included") OffsetDateTime from,
                         @NotNull @Schema(example = "2026-11-08T00:00:00Z", description = "The window's end, "
                                 + "excluded") OffsetDateTime to) {
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReconciliation", summary = "Start a reconciliation of a window",
            description = "Starts the payment-reconciliation batch job for the active provider over payments and "
                    + "charges created in [from, to); 202 with the run, whose Location to poll until status is "
                    + "completed or failed. from must be before to, and the window at most 31 days (else 422). "
                    + "Admins only.")
    @APIResponse(responseCode = "422", description = "The window is empty, reversed or longer than 31 days")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = ReconciliationRun.class)))
    public Response start(@NotNull @Valid Window window) {
        if (!window.from().isBefore(window.to())
                || Duration.between(window.from(), window.to()).compareTo(MAX_WINDOW) > 0) {
            throw new UnprocessableException("The window must start before it ends and span at most 31 days.");
        }
        ReconciliationRun run = jobs.start(window.from().toInstant(), window.to().toInstant(), "admin",
                caller.getName()).orElseThrow();
        return Response.accepted(run)
                .location(uriInfo.getAbsolutePathBuilder().path(Long.toString(run.id())).build()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "getReconciliation", summary = "Read a reconciliation run",
            description = "The run's window, status (starting, running, completed or failed) and, once completed, "
                    + "how many charges and payments it compared and how many gaps it found. Support and admins. "
                    + "Unknown id → 404.")
    public ReconciliationRun run(@PathParam("id") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return runs.find(id).orElseThrow(() -> new ResourceNotFoundException("Reconciliation run", id));
    }

    @GET
    @Path("gaps")
    @RolesAllowed({"admin", "support"})
    @Operation(operationId = "listReconciliationGaps",
            summary = "Gaps found between the ledger and the provider, newest first",
            description = "Every gap any run found, newest first, optionally only of one kind or found by one run. "
                    + "Pass nextCursor back as cursor for the next page. Support and admins. An unknown kind → 400.")
    public Page<GapRecord> gaps(@QueryParam("kind")
                                @Parameter(schema = @Schema(implementation = GapKind.class)) String kind,
                                @QueryParam("runId") @Min(1) @Max(Long.MAX_VALUE)
                                @Parameter(description = "Only the gaps this run found") Long runId,
                                @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return runs.gaps(Optional.ofNullable(kind).map(ReconciliationResource::kindOf), Optional.ofNullable(runId),
                cursor, limit);
    }

    private static GapKind kindOf(String code) {
        return Arrays.stream(GapKind.values()).filter(kind -> kind.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown gap kind " + code + ".",
                        List.of(new FieldViolation("kind", "must be a gap kind such as amount_mismatch")), Map.of()));
    }
}
