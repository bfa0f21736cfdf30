-- The built-in sandbox provider's own records. They stand for the provider's side of the world: the service reads
-- them only through the PaymentProvider interface (the resolver and reconciliation ask the provider, not these).
CREATE TABLE sandbox_charge (
    id               VARCHAR(40)  PRIMARY KEY,
    idempotency_key  VARCHAR(255) NOT NULL UNIQUE,
    amount_minor     BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency         CHAR(3)      NOT NULL,
    status           VARCHAR(32)  NOT NULL CHECK (status IN ('requires_action', 'authorized', 'failed', 'captured',
                                                              'canceled')),
    captured_minor   BIGINT       NOT NULL DEFAULT 0,
    refunded_minor   BIGINT       NOT NULL DEFAULT 0,
    failure_code     VARCHAR(64),
    confirm_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    CHECK (captured_minor BETWEEN 0 AND amount_minor),
    CHECK (refunded_minor BETWEEN 0 AND captured_minor)
);
CREATE INDEX sandbox_charge_confirm_at ON sandbox_charge (confirm_at) WHERE status = 'requires_action';

CREATE TABLE sandbox_refund (
    id               VARCHAR(40)  PRIMARY KEY,
    charge_id        VARCHAR(40)  NOT NULL REFERENCES sandbox_charge (id),
    idempotency_key  VARCHAR(255) NOT NULL UNIQUE,
    amount_minor     BIGINT       NOT NULL CHECK (amount_minor > 0),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

-- Webhook deliveries the sandbox still owes the service, retried until answered 2xx.
CREATE TABLE sandbox_webhook_delivery (
    id             BIGSERIAL    PRIMARY KEY,
    event_id       VARCHAR(40)  NOT NULL,
    payload        TEXT         NOT NULL,
    deliver_after  TIMESTAMPTZ  NOT NULL,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    delivered_at   TIMESTAMPTZ
);
CREATE INDEX sandbox_webhook_delivery_due ON sandbox_webhook_delivery (deliver_after) WHERE delivered_at IS NULL;
