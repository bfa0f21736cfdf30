-- Captures, voids and refunds whose provider answer was lost (a timeout): the provider may or may not have done
-- them. Written in the transaction that asked, kept until UnknownIntentResolver settles the operation from the
-- provider's record under the same provider idempotency key, or a retry of the request gets its answer.
CREATE TABLE pending_provider_operation (
    id               BIGSERIAL    PRIMARY KEY,
    intent_id        UUID         NOT NULL REFERENCES payment_intent (id),
    operation        VARCHAR(16)  NOT NULL CHECK (operation IN ('capture', 'void', 'refund')),
    idempotency_key  VARCHAR(400) NOT NULL UNIQUE,
    amount_minor     BIGINT       CHECK (amount_minor > 0),
    reason           VARCHAR(500),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Moves on when a resolver replica leases the row, so that others leave it alone meanwhile.
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX pending_provider_operation_intent ON pending_provider_operation (intent_id);
CREATE INDEX pending_provider_operation_due ON pending_provider_operation (updated_at);

-- The sandbox keeps the payment-method token of each charge, as a provider keeps the card: some test tokens
-- decide how later captures, voids and refunds of the charge behave (slow answers, outages).
ALTER TABLE sandbox_charge ADD COLUMN payment_method VARCHAR(255);
