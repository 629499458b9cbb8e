-- What configuration groups may set on Cassandra 5.0 nodes, under cassandra.yaml's own names. Integers are in the
-- unit the description names; the guest writes them with it (64 -> 64MiB/s). The first five Cassandra changes at
-- run time over JMX (StorageService); the concurrent stages are sized once, at start.
insert into parameter_definitions (datastore_version_id, name, type, min_value, max_value, allowed_values,
                                   restart_required, read_only, hidden, description) values
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'compaction_throughput', 'integer', 0, 100000, null, false, false, false, 'MiB/s all compaction may use on the node, 0 unthrottled (default 64)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'stream_throughput_outbound', 'integer', 0, 100000, null, false, false, false, 'MiB/s a node may stream to others, 0 unthrottled (default 24)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'read_request_timeout', 'integer', 100, 600000, null, false, false, false, 'Milliseconds a coordinator waits for reads (default 5000)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'write_request_timeout', 'integer', 100, 600000, null, false, false, false, 'Milliseconds a coordinator waits for writes (default 2000)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'range_request_timeout', 'integer', 100, 600000, null, false, false, false, 'Milliseconds a coordinator waits for range scans (default 10000)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'concurrent_reads', 'integer', 2, 1024, null, true, false, false, 'Threads of the read stage (default 32)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a21', 'concurrent_writes', 'integer', 2, 1024, null, true, false, false, 'Threads of the mutation stage (default 32)');
