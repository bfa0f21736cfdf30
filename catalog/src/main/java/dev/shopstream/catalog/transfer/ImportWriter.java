package dev.shopstream.catalog.transfer;

import dev.shopstream.catalog.inventory.Inventory;
import dev.shopstream.catalog.inventory.NewSku;
import dev.shopstream.catalog.product.ProductCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Writes checked products of an import, each call in a transaction of its own. */
@ApplicationScoped
public class ImportWriter {

    @Inject
    ProductCatalog catalog;

    @Inject
    Inventory inventory;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProductImport.Counts write(List<ProductImport.ProductRows> products) {
        ProductImport.Counts counts = new ProductImport.Counts();
        for (ProductImport.ProductRows product : products) {
            ProductCatalog.Imported imported = catalog.createOrReplace(product.product().toDetails());
            if (imported.created()) {
                counts.productsCreated++;
            } else {
                counts.productsUpdated++;
            }
            for (NewSku sku : product.skus()) {
                boolean added = inventory.putSku(imported.product().id(), sku.code(), sku.onHand(),
                        sku.lowStockThreshold(), sku.attributes(), "CSV import");
                if (added) {
                    counts.skusCreated++;
                } else {
                    counts.skusUpdated++;
                }
            }
        }
        return counts;
    }
}
