-- Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first request with a key claims it (PROCESSING),
-- and its answer is kept (COMPLETED) so that a retry, through any api process and after a restart, gets it again.
-- A key is the caller's own: a token belongs to one tenant, so the token and the key name the row. claim_id changes
-- with every claim, so an api process that lost its claim (abandoned, then taken over) cannot complete it.
create table idempotency_keys (
    token_id            uuid           not null,
    idempotency_key     varchar(255)   not null,
    tenant_id           varchar(64),
    fingerprint         char(64)       not null,
    state               varchar(16)    not null check (state in ('PROCESSING', 'COMPLETED')),
    claim_id            uuid           not null,
    claimed_at          timestamptz    not null,
    expires_at          timestamptz    not null,
    status              smallint,
    content_type        varchar(255),
    location            varchar(2048),
    operation_location  varchar(2048),
    -- sealed with shoal.secrets.key: an answer may hold a secret shown once (a root password, a token)
    body                text           check (octet_length(body) <= 4194304),
    primary key (token_id, idempotency_key),
    check (state = 'PROCESSING' or status is not null)
);
create index idempotency_keys_expires_at on idempotency_keys (expires_at);
