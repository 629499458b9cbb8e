-- Trove's backups: a consistent dump of a MySQL instance's user databases and the tenant's accounts, written by
-- its guest into the backup store (a directory every node reaches) and recorded here with its size and SHA-256
-- checksum. A backup outlives its instance; deleting it removes the file and keeps the row with deleted_at.
create table backups (
    id                    uuid          primary key,
    tenant_id             varchar(64)   not null references tenants (id),
    name                  varchar(255)  not null,
    description           varchar(1024),
    instance_id           uuid          not null references instances (id),
    datastore_version_id  uuid          not null references datastore_versions (id),
    state                 varchar(16)   not null
                          check (state in ('NEW', 'BUILDING', 'COMPLETED', 'FAILED', 'DELETE_FAILED')),
    location              varchar(1024),
    size_bytes            bigint        check (size_bytes >= 0),
    checksum              varchar(64),
    -- the databases and users Shoal held for the instance when the dump was taken (JSON), which an instance
    -- restored from it holds too
    contents              text,
    fail_reason           varchar(2048),
    created               timestamptz   not null,
    updated               timestamptz   not null,
    deleted_at            timestamptz,
    check ((state = 'COMPLETED') <= (location is not null and checksum is not null and size_bytes is not null))
);
create index backups_tenant on backups (tenant_id, created, id) where deleted_at is null;
create index backups_instance on backups (instance_id, created) where deleted_at is null;

-- Trove's backups quota; null takes the service's default (shoal.api.quota.backups), -1 is unlimited.
alter table tenants add column max_backups integer check (max_backups >= -1);

-- A backup is a MySQL dump: Cassandra and MongoDB versions offer none.
insert into capability_overrides (capability_id, datastore_version_id, enabled, enabled_cluster) values
    ('0c5f0000-0000-4000-8000-000000000001', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', false, false),
    ('0c5f0000-0000-4000-8000-000000000001', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', false, false);
