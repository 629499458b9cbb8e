-- The replication set an instance belongs to, kept across failovers (its master changes, the set does not): null for
-- an instance's own set. A replica made before this followed the first master of its set.
alter table instances add column replication_set uuid;

update instances set replication_set = slave_of where slave_of is not null;
