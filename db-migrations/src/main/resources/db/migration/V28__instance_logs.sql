-- Trove's datastore logs: each log of an instance as its guest last reported it, and the parts of it published,
-- which the object store API lists and reads (bounded: a part holds at most the configured bytes, a log keeps at most
-- the configured number of parts).
create table instance_logs (
    id               uuid         primary key,
    tenant_id        varchar(255) not null,
    instance_id      uuid         not null references instances (id) on delete cascade,
    name             varchar(64)  not null,
    type             varchar(8),
    enabled          boolean      not null default false,
    restart_required boolean      not null default false,
    size             bigint       not null default 0,
    published_up_to  bigint       not null default 0,
    updated          timestamptz  not null,
    unique (instance_id, name)
);

create table instance_log_parts (
    id          uuid          primary key,
    tenant_id   varchar(255)  not null,
    instance_id uuid          not null references instances (id) on delete cascade,
    log_name    varchar(64)   not null,
    object_name varchar(255)  not null,
    content     text          not null,
    bytes       integer       not null,
    lines       integer       not null,
    created     timestamptz   not null,
    unique (tenant_id, object_name)
);

create index instance_log_parts_by_log on instance_log_parts (instance_id, log_name, created);
