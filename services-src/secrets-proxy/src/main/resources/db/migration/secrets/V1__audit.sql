-- One row per read or refusal. Item names are HMAC-SHA256'd with the proxy's audit key, as Vault's audit device
-- does: the log proves who asked for what without naming the secrets; hash a name with the same key to search.
CREATE TABLE secret_access (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    caller     text        NOT NULL,
    roles      text[]      NOT NULL,
    item_hmac  text        NOT NULL,
    field      text        NOT NULL,
    decision   text        NOT NULL CHECK (decision IN ('allowed', 'denied')),
    reason     text        NOT NULL
);
CREATE INDEX secret_access_at ON secret_access (at);
CREATE INDEX secret_access_caller ON secret_access (caller, at);
