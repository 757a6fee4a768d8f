-- The row is the source of truth; NOTIFY only says "topic T has offset N now".
CREATE TABLE topics (
    name               text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
    -- The next offset to hand out. Publishing locks this row until commit, so offsets are gap-free and commit in order.
    next_offset        bigint NOT NULL DEFAULT 1 CHECK (next_offset >= 1),
    retention_max_age  interval CHECK (retention_max_age IS NULL OR retention_max_age > interval '0'),
    retention_max_count bigint CHECK (retention_max_count IS NULL OR retention_max_count > 0),
    publish_claim      text,
    publish_values     text[],
    subscribe_claim    text,
    subscribe_values   text[],
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((publish_claim IS NULL) = (publish_values IS NULL)),
    CHECK ((subscribe_claim IS NULL) = (subscribe_values IS NULL))
);

CREATE TABLE messages (
    topic           text NOT NULL REFERENCES topics (name) ON DELETE CASCADE,
    "offset"        bigint NOT NULL CHECK ("offset" >= 1),
    producer        text NOT NULL,
    idempotency_key text,
    headers         jsonb NOT NULL DEFAULT '{}'::jsonb,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, "offset")
);
CREATE UNIQUE INDEX messages_idempotency ON messages (topic, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX messages_age ON messages (topic, created_at);

CREATE TABLE consumer_groups (
    topic            text NOT NULL REFERENCES topics (name) ON DELETE CASCADE,
    name             text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    committed_offset bigint NOT NULL CHECK (committed_offset >= 0),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, name)
);
