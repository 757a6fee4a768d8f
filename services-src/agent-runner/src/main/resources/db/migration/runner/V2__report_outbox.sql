-- Lifecycle events double as the outbox of reports to Mission Control and HiveMind: each is reported once it is
-- committed, in order per run, retried with backoff while those services are away.
ALTER TABLE run_events
    ADD COLUMN reported_at     timestamptz,
    ADD COLUMN report_attempts integer     NOT NULL DEFAULT 0,
    ADD COLUMN report_after    timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN report_error    text;

CREATE INDEX run_events_unreported ON run_events (report_after, run_id, seq)
    WHERE reported_at IS NULL AND kind IN ('queued', 'started', 'retrying', 'rescued', 'finished', 'failed', 'cancelled');
