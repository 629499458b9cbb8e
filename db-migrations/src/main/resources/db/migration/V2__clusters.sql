-- What every node of a cluster is built with; nodes added later get the same.
alter table clusters add column flavor_id varchar(36) not null references flavors (id);
alter table clusters add column volume_size integer not null check (volume_size > 0);
alter table clusters add column configuration_id uuid references configurations (id);
-- The reason the cluster's last task failed, shown until a task succeeds.
alter table clusters add column fault varchar(1024);

create index nodes_cluster_live on nodes (cluster_id, created) where deleted_at is null;

-- The clustered datastores. Cassandra's server comes from Maven Central with the build; MongoDB runs wherever a
-- mongod is configured (shoal.compute.local.mongod).
insert into datastores (id, name, manager, default_version_id)
values ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a02', 'cassandra', 'cassandra', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21'),
       ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a03', 'mongodb', 'mongodb', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31');
insert into datastore_versions (id, datastore_id, name, active, packages)
values ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a02', '5.0', true,
        'org.apache.cassandra:cassandra-all'),
       ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a03', '7.0', true, 'mongod');
