package dev.shopstream.payments.intent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** One row of the append-only ledger: written once, never updated (the database refuses updates and deletes). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intent_id", nullable = false, updatable = false)
    private UUID intentId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "provider_reference", updatable = false)
    private String providerReference;

    @Column(updatable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected LedgerEntry() {
        // for JPA
    }

    public LedgerEntry(PaymentIntent intent, Movement movement, OffsetDateTime at) {
        this.intentId = intent.id();
        this.kind = movement.kind().code();
        this.amountMinor = movement.amountMinor();
        this.currency = intent.currency();
        this.providerReference = movement.providerReference();
        this.reason = movement.reason();
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public UUID intentId() {
        return intentId;
    }

    public LedgerKind kind() {
        return LedgerKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String providerReference() {
        return providerReference;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
