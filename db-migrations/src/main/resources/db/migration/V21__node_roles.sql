-- The part each node plays in its set or cluster, stored so that it survives any reordering of nodes and can change
-- (a promotion makes a replica the master). Null while a node has none yet: a cluster's nodes take theirs as the
-- cluster forms. Existing nodes get what was derived before.
alter table nodes add column role varchar(16);

-- a MySQL instance that follows a master is its replica; any other is the master of its set
update nodes n
   set role = case when i.slave_of is null then 'MASTER' else 'REPLICA' end
  from instances i, datastore_versions v, datastores d
 where n.instance_id = i.id and n.datastore_version_id = v.id and v.datastore_id = d.id and d.manager = 'mysql'
   and n.deleted_at is null;

-- a MySQL cluster's master was its first node
update nodes n
   set role = case when n.id = (select first.id from nodes first
                                 where first.cluster_id = n.cluster_id and first.deleted_at is null
                                 order by first.created, first.id limit 1)
                   then 'MASTER' else 'REPLICA' end
  from datastore_versions v, datastores d
 where n.cluster_id is not null and n.datastore_version_id = v.id and v.datastore_id = d.id and d.manager = 'mysql'
   and n.deleted_at is null;

-- a MongoDB arbiter is one for good; the other members take theirs from the set's election as the cluster forms
update nodes set role = 'ARBITER' where type = 'arbiter' and deleted_at is null;

-- a Cassandra ring's seeds were the oldest node of each region, at most three
with oldest_in_region as (
    select n.id, n.cluster_id, n.created, n.name,
           row_number() over (partition by n.cluster_id, coalesce(n.region, '') order by n.created, n.name) as age
      from nodes n
      join datastore_versions v on v.id = n.datastore_version_id
      join datastores d on d.id = v.datastore_id
     where d.manager = 'cassandra' and n.cluster_id is not null and n.deleted_at is null
), seeds as (
    select id, row_number() over (partition by cluster_id order by created, name) as seed
      from oldest_in_region
     where age = 1
)
update nodes n
   set role = case when n.id in (select id from seeds where seed <= 3) then 'SEED' else 'MEMBER' end
  from datastore_versions v, datastores d
 where n.cluster_id is not null and n.datastore_version_id = v.id and v.datastore_id = d.id
   and d.manager = 'cassandra' and n.deleted_at is null;
