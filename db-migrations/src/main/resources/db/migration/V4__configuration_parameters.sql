-- What each datastore version lets configuration groups set, and how (Trove's validation rules plus the seed's
-- read_only and hidden). Values are kept as text and checked against their type here.
create table parameter_definitions (
    datastore_version_id  uuid          not null references datastore_versions (id),
    name                  varchar(64)   not null,
    type                  varchar(16)   not null check (type in ('integer', 'string', 'boolean')),
    min_value             bigint,
    max_value             bigint,
    allowed_values        varchar(1024),
    restart_required      boolean       not null default false,
    read_only             boolean       not null default false,
    hidden                boolean       not null default false,
    description           varchar(255),
    primary key (datastore_version_id, name)
);

create table configuration_values (
    configuration_id  uuid           not null references configurations (id),
    name              varchar(64)    not null,
    value             varchar(1024)  not null,
    primary key (configuration_id, name)
);

-- The values a node's datastore last reported running for the parameters configuration groups manage.
alter table nodes add column running_configuration text;

insert into parameter_definitions (datastore_version_id, name, type, min_value, max_value, allowed_values,
                                   restart_required, read_only, hidden, description) values
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'max_connections', 'integer', 1, 100000, null, false, false, false, 'Most simultaneous client connections'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'wait_timeout', 'integer', 1, 31536000, null, false, false, false, 'Seconds an idle connection is kept'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'interactive_timeout', 'integer', 1, 31536000, null, false, false, false, 'Seconds an idle interactive connection is kept'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'max_allowed_packet', 'integer', 1024, 1073741824, null, false, false, false, 'Largest packet or generated string, in bytes'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'innodb_flush_log_at_trx_commit', 'integer', 0, 2, null, false, false, false, 'When InnoDB flushes its log'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'table_open_cache', 'integer', 1, 1048576, null, false, false, false, 'Open tables cached'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'thread_cache_size', 'integer', 0, 16384, null, false, false, false, 'Threads kept for reuse'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'character_set_server', 'string', null, null, 'utf8mb4,utf8mb3,latin1,ascii,binary', false, false, false, 'Default character set'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'local_infile', 'boolean', null, null, null, false, false, false, 'Whether LOAD DATA LOCAL is allowed'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'performance_schema', 'boolean', null, null, null, true, false, false, 'The performance schema (read at start)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'server_id', 'integer', 1, 4294967295, null, true, true, true, 'Set by Shoal for replication'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', 'log_bin', 'boolean', null, null, null, true, true, false, 'Set by Shoal for replication'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'cluster_name', 'string', null, null, null, true, true, false, 'Set by Shoal from the cluster'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'num_tokens', 'integer', 1, 256, null, true, true, false, 'Set by Shoal'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'seed_provider', 'string', null, null, null, true, true, true, 'Set by Shoal from the cluster'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'endpoint_snitch', 'string', null, null, null, true, true, false, 'Set by Shoal'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'replSet', 'string', null, null, null, true, true, false, 'Set by Shoal from the cluster');
