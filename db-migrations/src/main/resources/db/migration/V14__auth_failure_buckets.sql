-- Authentication failures per client address, as Bucket4j's token buckets (its PostgreSQL proxy manager), so that
-- every api process draws on one allowance per address. A row goes once its bucket would be full again.
create table auth_failure_buckets (
    id          varchar(64)  primary key,
    state       bytea,
    expires_at  bigint
);
create index auth_failure_buckets_expires_at on auth_failure_buckets (expires_at);
