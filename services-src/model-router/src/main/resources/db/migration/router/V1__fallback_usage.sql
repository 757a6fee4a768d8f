-- Tokens spent on the metered (hosted) fallback, one row a request, from the backend's own usage report.
-- The month is UTC's, fixed at insert, so the cap's sum reads one index range.
CREATE TABLE fallback_usage (
    id                bigserial PRIMARY KEY,
    at                timestamptz NOT NULL DEFAULT now(),
    month             date        NOT NULL DEFAULT date_trunc('month', now() AT TIME ZONE 'UTC')::date,
    backend           text        NOT NULL,
    model             text        NOT NULL,
    prompt_tokens     bigint      NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens bigint      NOT NULL CHECK (completion_tokens >= 0),
    request_id        text        NOT NULL
);
CREATE INDEX fallback_usage_by_month ON fallback_usage (month);

CREATE VIEW fallback_usage_monthly AS
SELECT month, backend, count(*) AS requests, sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens
FROM fallback_usage GROUP BY month, backend;
