-- The durable run queue. A run is claimed by one worker at a time (FOR UPDATE SKIP LOCKED); the claim is fenced by
-- (worker, attempt), so a worker that lost its lease cannot overwrite what the rescuer or the next worker wrote.
CREATE TABLE runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent            text        NOT NULL,
    input            text        NOT NULL,
    task_id          bigint,
    model            text,
    timeout_seconds  integer     NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 86400),
    max_cost_usd     numeric(12, 6),
    caller           text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    status           text        NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    priority         integer     NOT NULL DEFAULT 0,
    attempt          integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL DEFAULT 3,
    run_after        timestamptz NOT NULL DEFAULT now(),
    worker           text,
    heartbeat_at     timestamptz,
    started_at       timestamptz,
    deadline_at      timestamptz,
    finished_at      timestamptz,
    cancel_requested boolean     NOT NULL DEFAULT false,
    -- True once a model token may have been bought for this run: from then on it is never re-run silently.
    spent            boolean     NOT NULL DEFAULT false,
    input_tokens     bigint      NOT NULL DEFAULT 0,
    output_tokens    bigint      NOT NULL DEFAULT 0,
    cost_usd         numeric(12, 6) NOT NULL DEFAULT 0,
    output           text,
    error            text,
    event_seq        integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (caller, idempotency_key)
);

CREATE INDEX runs_ready ON runs (priority DESC, id) WHERE status = 'queued';
CREATE INDEX runs_running ON runs (agent) WHERE status = 'running';
CREATE INDEX runs_heartbeat ON runs (heartbeat_at) WHERE status = 'running';
CREATE INDEX runs_listing ON runs (id DESC, status, agent);

CREATE TABLE run_events (
    run_id bigint      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq    integer     NOT NULL,
    kind   text        NOT NULL,
    data   jsonb       NOT NULL,
    at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, seq)
);
