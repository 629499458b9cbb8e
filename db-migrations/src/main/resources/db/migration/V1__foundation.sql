-- Shoal foundation schema, shaped after Trove's data model with the clustering design's
-- nodes table, instances.slave_of and node_id on heartbeat and status tables.

create table tenants (
    id          varchar(64)  primary key,
    name        varchar(255) not null,
    created     timestamptz  not null,
    deleted_at  timestamptz
);

-- Tokens are stored only as SHA-256 hashes of their high-entropy secret.
create table auth_tokens (
    id          uuid         primary key,
    tenant_id   varchar(64)  references tenants (id),
    role        varchar(16)  not null check (role in ('OPERATOR', 'TENANT')),
    name        varchar(255),
    token_hash  varchar(64)  not null unique,
    created     timestamptz  not null,
    revoked_at  timestamptz,
    check ((role = 'OPERATOR') = (tenant_id is null))
);
create index auth_tokens_tenant on auth_tokens (tenant_id);

create table datastores (
    id                  uuid        primary key,
    name                varchar(64) not null unique,
    manager             varchar(32) not null,
    default_version_id  uuid
);

create table datastore_versions (
    id            uuid         primary key,
    datastore_id  uuid         not null references datastores (id),
    name          varchar(64)  not null,
    active        boolean      not null default true,
    packages      varchar(255),
    image         varchar(255),
    unique (datastore_id, name)
);
alter table datastores add constraint datastores_default_version_fk
    foreign key (default_version_id) references datastore_versions (id) deferrable initially deferred;

create table flavors (
    id       varchar(36) primary key,
    name     varchar(64) not null unique,
    ram_mb   integer     not null check (ram_mb > 0),
    vcpus    integer     not null check (vcpus > 0),
    disk_gb  integer     not null check (disk_gb >= 0)
);

create table configurations (
    id                    uuid          primary key,
    tenant_id             varchar(64)   not null references tenants (id),
    name                  varchar(255)  not null,
    description           varchar(1024),
    datastore_version_id  uuid          not null references datastore_versions (id),
    created               timestamptz   not null,
    updated               timestamptz   not null,
    deleted_at            timestamptz
);
create index configurations_tenant on configurations (tenant_id) where deleted_at is null;

create table clusters (
    id                    uuid          primary key,
    tenant_id             varchar(64)   not null references tenants (id),
    name                  varchar(255)  not null,
    datastore_version_id  uuid          not null references datastore_versions (id),
    task                  varchar(40)   not null default 'NONE',
    task_description      varchar(1024),
    task_start_time       timestamptz,
    created               timestamptz   not null,
    updated               timestamptz   not null,
    deleted_at            timestamptz
);
create index clusters_tenant on clusters (tenant_id, created, id) where deleted_at is null;

create table instances (
    id                    uuid          primary key,
    tenant_id             varchar(64)   not null references tenants (id),
    name                  varchar(255)  not null,
    datastore_version_id  uuid          not null references datastore_versions (id),
    flavor_id             varchar(36)   not null references flavors (id),
    volume_size           integer       not null check (volume_size > 0),
    configuration_id      uuid          references configurations (id),
    slave_of              uuid          references instances (id),
    created               timestamptz   not null,
    updated               timestamptz   not null,
    deleted_at            timestamptz
);
create index instances_tenant on instances (tenant_id, created, id) where deleted_at is null;
create index instances_slave_of on instances (slave_of);

-- One server running one datastore process with one guest agent beside it.
create table nodes (
    id                    uuid          primary key,
    instance_id           uuid          references instances (id),
    cluster_id            uuid          references clusters (id),
    tenant_id             varchar(64)   not null references tenants (id),
    name                  varchar(255)  not null,
    type                  varchar(32)   not null default 'member',
    region                varchar(64),
    datastore_version_id  uuid          not null references datastore_versions (id),
    flavor_id             varchar(36)   not null references flavors (id),
    volume_size           integer       not null check (volume_size > 0),
    configuration_id      uuid          references configurations (id),
    compute_instance_id   varchar(255),
    hostname              varchar(255),
    ip                    varchar(45),
    server_status         varchar(32),
    secret                varchar(128),
    task                  varchar(40)   not null default 'NONE',
    task_description      varchar(1024),
    task_start_time       timestamptz,
    created               timestamptz   not null,
    updated               timestamptz   not null,
    deleted_at            timestamptz,
    check ((instance_id is null) <> (cluster_id is null))
);
create index nodes_instance on nodes (instance_id);
create index nodes_cluster on nodes (cluster_id);
-- An address belongs to at most one live node; deleting a node releases it.
create unique index nodes_live_ip on nodes (ip) where deleted_at is null and ip is not null;

create table service_statuses (
    node_id             uuid          primary key references nodes (id),
    status              varchar(32)   not null,
    status_description  varchar(1024),
    sent_at             timestamptz,
    updated_at          timestamptz   not null,
    volume_used_bytes   bigint,
    volume_total_bytes  bigint
);

-- The newest sent time accepted per node and method: older messages are dropped as out of order.
create table conductor_lastseen (
    node_id      uuid         not null references nodes (id),
    method_name  varchar(64)  not null,
    sent         timestamptz  not null,
    primary key (node_id, method_name)
);

create table root_enabled_history (
    id           uuid          primary key,
    node_id      uuid          not null references nodes (id),
    instance_id  uuid          references instances (id),
    enabled_by   varchar(255),
    created      timestamptz   not null
);
create index root_enabled_history_instance on root_enabled_history (instance_id);

-- A long-running change, persisted step by step so a restarted task manager resumes it.
create table tasks (
    id             uuid          primary key,
    tenant_id      varchar(64)   references tenants (id),
    kind           varchar(40)   not null,
    resource_type  varchar(16)   not null,
    resource_id    uuid          not null,
    state          varchar(16)   not null check (state in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    step           varchar(64)   not null,
    progress       integer       not null default 0 check (progress between 0 and 100),
    message        varchar(1024),
    error          varchar(2048),
    parameters     text,
    attempts       integer       not null default 0,
    lease_owner    varchar(128),
    lease_until    timestamptz,
    deadline       timestamptz,
    created        timestamptz   not null,
    updated        timestamptz   not null,
    finished_at    timestamptz
);
create index tasks_open on tasks (state, lease_until) where state in ('PENDING', 'RUNNING');
create index tasks_resource on tasks (resource_id, created);

-- Transactional outbox: written in the request's transaction, relayed to the broker after commit.
create table outbox (
    id            uuid          primary key,
    exchange      varchar(255)  not null,
    routing_key   varchar(255)  not null,
    message_type  varchar(64)   not null,
    body          text          not null,
    created       timestamptz   not null,
    published_at  timestamptz,
    attempts      integer       not null default 0,
    last_error    varchar(1024)
);
create index outbox_unpublished on outbox (created) where published_at is null;

-- Idempotent consumers: a message id is processed at most once per consumer.
create table processed_messages (
    consumer      varchar(64)  not null,
    message_id    varchar(64)  not null,
    processed_at  timestamptz  not null,
    primary key (consumer, message_id)
);

-- Catalog: MySQL backed by MariaDB (Debian's 10.11 here; MariaDB's own binary elsewhere).
insert into datastores (id, name, manager, default_version_id)
values ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a01', 'mysql', 'mysql', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11');
insert into datastore_versions (id, datastore_id, name, active, packages)
values ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a01', '10.11', true, 'mariadb-server');

insert into flavors (id, name, ram_mb, vcpus, disk_gb) values
    ('1', 'shoal.small',  1024, 1, 10),
    ('2', 'shoal.medium', 2048, 1, 20),
    ('3', 'shoal.large',  4096, 2, 40),
    ('4', 'shoal.xlarge', 8192, 4, 80);
