package dev.shopstream.payments.intent;

import java.util.Locale;

/** The four movements the ledger knows. A {@code VOID} releases the part of an authorization that was not captured. */
public enum LedgerKind {
    AUTHORIZE, CAPTURE, VOID, REFUND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
