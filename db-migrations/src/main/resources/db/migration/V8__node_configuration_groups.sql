-- The seed's auto-created groups: every node of a cluster has a configuration group of its own, holding the
-- settings it runs with alike with its cluster (read-only); it cannot be detached and goes with its node.
alter table configurations add column node_id uuid references nodes (id);
create unique index configurations_one_per_node on configurations (node_id) where node_id is not null;
