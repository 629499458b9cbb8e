-- PostgreSQL forms clusters now: a primary and hot standbys, as MySQL's master and replicas (its descriptor says so).
-- Root is offered on them as on MySQL's: one password, which the primary sets and its standbys replay.
insert into capability_overrides (capability_id, datastore_version_id, enabled, enabled_cluster) values
    ('0c5f0000-0000-4000-8000-00000000000b', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a41', null, true),
    ('0c5f0000-0000-4000-8000-00000000000b', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a42', null, true);
