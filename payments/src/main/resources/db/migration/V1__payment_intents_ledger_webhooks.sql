-- Payment intents: one per order payment, with the amounts the ledger below adds up to.
CREATE TABLE payment_intent (
    id                  UUID         PRIMARY KEY,
    seq                 BIGSERIAL    NOT NULL UNIQUE,
    order_id            VARCHAR(100) NOT NULL,
    customer_id         VARCHAR(255) NOT NULL,
    amount_minor        BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency            CHAR(3)      NOT NULL,
    status              VARCHAR(32)  NOT NULL CHECK (status IN ('unknown', 'requires_action', 'requires_capture',
                                         'failed', 'captured', 'partially_captured', 'voided', 'refunded',
                                         'partially_refunded')),
    captured_minor      BIGINT       NOT NULL DEFAULT 0,
    refunded_minor      BIGINT       NOT NULL DEFAULT 0,
    provider            VARCHAR(32)  NOT NULL,
    provider_reference  VARCHAR(255),
    -- The provider's token for the customer's payment method (never card data): lets the resolver repeat an
    -- authorization whose answer was lost, under the same idempotency key.
    payment_method_token VARCHAR(255) NOT NULL,
    failure_code        VARCHAR(64),
    failure_message     VARCHAR(500),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CHECK (captured_minor BETWEEN 0 AND amount_minor),
    CHECK (refunded_minor BETWEEN 0 AND captured_minor)
);
CREATE INDEX payment_intent_order ON payment_intent (order_id);
CREATE INDEX payment_intent_customer ON payment_intent (customer_id, seq DESC);
CREATE UNIQUE INDEX payment_intent_provider_reference ON payment_intent (provider, provider_reference);
-- The resolver's work list.
CREATE INDEX payment_intent_unknown ON payment_intent (updated_at) WHERE status = 'unknown';

-- The ledger: every movement of money, append-only. Balances are sums over it.
CREATE TABLE ledger_entry (
    id                 BIGSERIAL    PRIMARY KEY,
    intent_id          UUID         NOT NULL REFERENCES payment_intent (id),
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('authorize', 'capture', 'void', 'refund')),
    amount_minor       BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency           CHAR(3)      NOT NULL,
    provider_reference VARCHAR(255),
    reason             VARCHAR(500),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ledger_entry_intent ON ledger_entry (intent_id, id);
-- An intent is authorized, captured and voided (released) at most once; a provider refund is recorded once.
CREATE UNIQUE INDEX ledger_entry_once ON ledger_entry (intent_id, kind) WHERE kind <> 'refund';
CREATE UNIQUE INDEX ledger_entry_refund_once ON ledger_entry (intent_id, provider_reference) WHERE kind = 'refund';

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER ledger_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();

-- The ledger's balances, checked at commit: captured + released never exceed authorized, refunds never exceed
-- captures, and every entry is in the intent's currency.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    authorized BIGINT;
    captured   BIGINT;
    released   BIGINT;
    refunded   BIGINT;
BEGIN
    SELECT coalesce(sum(amount_minor) FILTER (WHERE kind = 'authorize'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'capture'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'void'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'refund'), 0)
      INTO authorized, captured, released, refunded
      FROM ledger_entry WHERE intent_id = NEW.intent_id;
    IF captured + released > authorized OR refunded > captured THEN
        RAISE EXCEPTION 'ledger of intent % unbalanced: authorized %, captured %, released %, refunded %',
            NEW.intent_id, authorized, captured, released, refunded USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM payment_intent WHERE id = NEW.intent_id AND currency <> NEW.currency) THEN
        RAISE EXCEPTION 'ledger entry currency % differs from intent %', NEW.currency, NEW.intent_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balance AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

-- Provider webhook events received, for replay detection: an event id is applied once per provider.
CREATE TABLE webhook_event (
    provider     VARCHAR(32)  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    intent_id    UUID,
    outcome      VARCHAR(32)  NOT NULL CHECK (outcome IN ('applied', 'ignored', 'unknown-intent')),
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (provider, event_id)
);
