package dev.shopstream.catalog.api;

import dev.shopstream.catalog.transfer.ImportReport;
import dev.shopstream.catalog.transfer.ProductCsv;
import dev.shopstream.catalog.transfer.ProductExport;
import dev.shopstream.catalog.transfer.ProductImport;
import dev.shopstream.commons.idempotency.Idempotent;
import dev.shopstream.commons.openapi.OpenApiRefs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Bulk import and export of products, SKUs, prices and stock as CSV (format: docs/catalog-csv.md). */
@Path("/")
@Tag(name = "Bulk import and export")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class ProductTransferResource {

    @Inject
    ProductImport productImport;

    @Inject
    ProductExport productExport;

    @POST
    @Path("imports/products")
    @RolesAllowed("admin")
    @Idempotent
    @Consumes({ProductCsv.MEDIA_TYPE, "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importProducts", summary = "Import products, SKUs, prices and stock from CSV",
            description = "Admins only. Creates products by slug or replaces the details of existing ones, and adds "
                    + "or updates their SKUs and stock. Every row is checked first; a product with any bad row is "
                    + "rejected whole and its lines are reported, every other product is written. Up to 16 MiB "
                    + "(413 beyond). The export's format: one row per SKU, columns by header (product_slug, name and "
                    + "prices required; description, category_slug, status, attributes, image_urls, sku_code, "
                    + "sku_attributes, on_hand, low_stock_threshold optional), lists separated by |, prices as "
                    + "CUR:amount (EUR:12999), attributes as key=value.")
    @Parameter(ref = OpenApiRefs.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "200", description = "The import report, with per-line errors",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Unreadable CSV or a header without the required columns")
    @APIResponse(responseCode = "413", description = "File larger than 16 MiB")
    public ImportReport importProducts(
            @RequestBody(required = true, description = "The CSV file, UTF-8, with a header row", content = {
                    @Content(mediaType = ProductCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            format = "binary", maxLength = ProductCsv.MAX_IMPORT_BYTES)),
                    @Content(mediaType = "application/csv", schema = @Schema(type = SchemaType.STRING,
                            format = "binary", maxLength = ProductCsv.MAX_IMPORT_BYTES))})
            InputStream csv) {
        return productImport.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }

    @GET
    @Path("exports/products")
    @RolesAllowed({"admin", "support"})
    @Produces(ProductCsv.MEDIA_TYPE)
    @Operation(operationId = "exportProducts",
            summary = "Export draft and active products, their SKUs, prices and stock as CSV",
            description = "For staff (admin, support). The import's format, one row per SKU, so an export can be "
                    + "edited and imported again; streamed as an attachment named products.csv.")
    @APIResponse(responseCode = "200", description = "CSV, one row per SKU")
    public Response exportProducts() {
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            productExport.exportCsv(writer);
            writer.flush();
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"products.csv\"")
                .build();
    }
}
