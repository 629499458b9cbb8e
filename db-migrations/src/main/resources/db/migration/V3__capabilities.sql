-- Trove's capabilities with the seed's cluster flag: what a datastore version offers standalone instances
-- (enabled) and cluster nodes (enabled_cluster). Overrides per version win where they say something.
create table capabilities (
    id               uuid          primary key,
    name             varchar(64)   not null unique,
    description      varchar(255)  not null,
    enabled          boolean       not null,
    enabled_cluster  boolean       not null
);

create table capability_overrides (
    capability_id         uuid     not null references capabilities (id),
    datastore_version_id  uuid     not null references datastore_versions (id),
    enabled               boolean,
    enabled_cluster       boolean,
    primary key (capability_id, datastore_version_id)
);

-- The seed's first iteration of clusters: these are off for cluster nodes.
insert into capabilities (id, name, description, enabled, enabled_cluster) values
    ('0c5f0000-0000-4000-8000-000000000001', 'backup-create', 'Create a backup', true, false),
    ('0c5f0000-0000-4000-8000-000000000002', 'backup-list-instance', 'List the backups of an instance', true, false),
    ('0c5f0000-0000-4000-8000-000000000003', 'configuration-attach', 'Attach a configuration group', true, false),
    ('0c5f0000-0000-4000-8000-000000000004', 'configuration-detach', 'Detach a configuration group', true, false),
    ('0c5f0000-0000-4000-8000-000000000005', 'configuration-instances', 'List the instances of a configuration group', true, false),
    ('0c5f0000-0000-4000-8000-000000000006', 'resize-flavor', 'Change the flavor', true, false),
    ('0c5f0000-0000-4000-8000-000000000007', 'resize-volume', 'Grow the volume', true, false),
    ('0c5f0000-0000-4000-8000-000000000008', 'database-create', 'Create a database', true, false),
    ('0c5f0000-0000-4000-8000-000000000009', 'database-list', 'List databases', true, false),
    ('0c5f0000-0000-4000-8000-00000000000a', 'database-delete', 'Delete a database', true, false),
    ('0c5f0000-0000-4000-8000-00000000000b', 'root-enable', 'Enable root and get its password', true, false),
    ('0c5f0000-0000-4000-8000-00000000000c', 'root-status', 'Whether root was ever enabled', true, false),
    ('0c5f0000-0000-4000-8000-00000000000d', 'secgroup-create', 'Manage security group rules', true, false),
    ('0c5f0000-0000-4000-8000-00000000000e', 'user-create', 'Create a user', true, false),
    ('0c5f0000-0000-4000-8000-00000000000f', 'user-list', 'List users', true, false),
    ('0c5f0000-0000-4000-8000-000000000010', 'user-delete', 'Delete a user', true, false),
    ('0c5f0000-0000-4000-8000-000000000011', 'replication', 'Read-only replicas of an instance', true, false);

-- Replication is MySQL's; root is offered on MySQL clusters (one password, set on every node) but not on
-- Cassandra and MongoDB, whose nodes run without authentication.
insert into capability_overrides (capability_id, datastore_version_id, enabled, enabled_cluster) values
    ('0c5f0000-0000-4000-8000-000000000011', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', false, false),
    ('0c5f0000-0000-4000-8000-000000000011', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', false, false),
    ('0c5f0000-0000-4000-8000-00000000000b', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', null, true),
    ('0c5f0000-0000-4000-8000-00000000000b', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', false, false),
    ('0c5f0000-0000-4000-8000-00000000000b', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', false, false);
