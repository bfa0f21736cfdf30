package dev.shopstream.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** One line of an order, priced at checkout: what was bought, how many, at what unit price (minor units). */
@Embeddable
public class OrderLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(nullable = false)
    private String sku;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Column(name = "product_name", nullable = false)
    private String productName;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    protected OrderLine() {
    }

    public OrderLine(int lineNo, String sku, UUID productId, String productName, int quantity, long unitPriceMinor) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    public UUID productId() {
        return productId;
    }

    public String productName() {
        return productName;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public long totalMinor() {
        return unitPriceMinor * quantity;
    }
}
