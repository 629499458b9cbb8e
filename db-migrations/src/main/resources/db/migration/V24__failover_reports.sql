-- What a replicated datastore's guest reports for failover, with every heartbeat: a replica since when it cannot
-- reach its master's server (on the conductor's clock), a master whether its commits are held by a replica too
-- (semi-synchronous replication), and since when that has been so. A set turns automatic failover off per set.
alter table service_statuses add column master_unreachable_since timestamptz;
alter table service_statuses add column sync_replication boolean;
alter table service_statuses add column sync_replication_since timestamptz;
alter table instances add column auto_failover boolean not null default true;
alter table clusters add column auto_failover boolean not null default true;
-- when a set last failed over by itself, on every member: the cool-down counts from it
alter table instances add column failed_over_at timestamptz;
alter table clusters add column failed_over_at timestamptz;
