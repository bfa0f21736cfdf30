-- Reconciliation runs: one per window checked, by an admin or the daily schedule.
CREATE TABLE reconciliation_run (
    id              BIGSERIAL    PRIMARY KEY,
    provider        VARCHAR(32)  NOT NULL,
    window_start    TIMESTAMPTZ  NOT NULL,
    window_end      TIMESTAMPTZ  NOT NULL CHECK (window_end > window_start),
    trigger         VARCHAR(16)  NOT NULL CHECK (trigger IN ('schedule', 'admin')),
    started_by      VARCHAR(255) NOT NULL,
    execution_id    BIGINT,
    status          VARCHAR(16)  NOT NULL DEFAULT 'starting'
                                 CHECK (status IN ('starting', 'running', 'completed', 'failed')),
    charges_checked INTEGER,
    payments_checked INTEGER,
    gaps_found      INTEGER,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    finished_at     TIMESTAMPTZ
);
-- The daily schedule claims a window once, whichever replica gets there first.
CREATE UNIQUE INDEX reconciliation_run_scheduled_once ON reconciliation_run (provider, window_start, window_end)
    WHERE trigger = 'schedule';

-- Differences between our ledger and the provider's records. A gap is recorded once, however often it is seen.
CREATE TABLE reconciliation_gap (
    id                 BIGSERIAL    PRIMARY KEY,
    run_id             BIGINT       NOT NULL REFERENCES reconciliation_run (id),
    provider           VARCHAR(32)  NOT NULL,
    kind               VARCHAR(32)  NOT NULL CHECK (kind IN ('missing_in_ledger', 'missing_at_provider',
                                                             'amount_mismatch', 'status_mismatch')),
    intent_id          UUID,
    provider_reference VARCHAR(255),
    ledger_value       VARCHAR(200),
    provider_value     VARCHAR(200),
    found_at           TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX reconciliation_gap_once ON reconciliation_gap
    (provider, kind, coalesce(intent_id::text, ''), coalesce(provider_reference, ''), coalesce(ledger_value, ''),
     coalesce(provider_value, ''));
