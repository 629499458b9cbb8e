-- What every node of a cluster is built with; nodes added later get the same.
alter table clusters add column flavor_id varchar(36) not null references flavors (id);
alter table clusters add column volume_size integer not null check (volume_size > 0);
alter table clusters add column configuration_id uuid references configurations (id);
-- The reason the cluster's last task failed, shown until a task succeeds.
alter table clusters add column fault varchar(1024);

create index nodes_cluster_live on nodes (cluster_id, created) where deleted_at is null;
