-- Trove's security groups: one per node (named SecGroup_<instance id>, as Trove names it), holding the CIDRs
-- allowed to reach the node's client port. A group lives as long as its node: it is shown while the node is
-- live, and its firewall goes when the node is destroyed. instance_id is the id Trove's clients know the node
-- by: its standalone instance's, or a cluster node's own.
create table security_groups (
    id                   uuid           primary key,
    tenant_id            varchar(64)    not null references tenants (id),
    node_id              uuid           not null unique references nodes (id),
    instance_id          uuid           not null,
    name                 varchar(255)   not null,
    description          varchar(255)   not null,
    -- Trove's access.is_public as last asked for; the rules below are what is allowed
    is_public            boolean        not null,
    -- what the compute driver reported when it last applied the rules
    enforcement          varchar(16)    not null default 'PENDING'
                         check (enforcement in ('PENDING', 'ENFORCED', 'NOT_ENFORCED', 'FAILED')),
    enforcement_message  varchar(1024),
    created              timestamptz    not null,
    updated              timestamptz    not null
);
create index security_groups_tenant on security_groups (tenant_id, created, id);
create index security_groups_instance on security_groups (instance_id);

-- One allowed source per row, for the datastore's client port (Trove keeps a row per port and CIDR).
create table security_group_rules (
    id         uuid          primary key,
    group_id   uuid          not null references security_groups (id) on delete cascade,
    protocol   varchar(8)    not null check (protocol in ('tcp', 'udp')),
    from_port  integer       not null check (from_port between 1 and 65535),
    to_port    integer       not null check (to_port between from_port and 65535),
    cidr       varchar(49)   not null,
    created    timestamptz   not null,
    unique (group_id, cidr)
);

-- Nodes that live already get their group with the default rule (open to any IPv4 address, as they were);
-- the task manager applies it when it next starts.
insert into security_groups (id, tenant_id, node_id, instance_id, name, description, is_public, created, updated)
select gen_random_uuid(), n.tenant_id, n.id, coalesce(n.instance_id, n.id),
       'SecGroup_' || coalesce(n.instance_id, n.id), 'Security Group for ' || coalesce(n.instance_id, n.id),
       true, now(), now()
from nodes n
where n.deleted_at is null;

insert into security_group_rules (id, group_id, protocol, from_port, to_port, cidr, created)
select gen_random_uuid(), g.id, 'tcp', p.port, p.port, '0.0.0.0/0', now()
from security_groups g
join nodes n on n.id = g.node_id
join datastore_versions v on v.id = n.datastore_version_id
join datastores d on d.id = v.datastore_id
join (values ('mysql', 3306), ('cassandra', 9042), ('mongodb', 27017)) as p (manager, port)
  on p.manager = d.manager;
