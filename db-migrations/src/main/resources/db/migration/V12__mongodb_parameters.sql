-- What configuration groups may set on MongoDB 7.0 nodes, under mongod's own names. All but the connection limit
-- change on the running server (setParameter, or the profiler for the slow operation threshold); mongod reads
-- net.maxIncomingConnections only at start.
insert into parameter_definitions (datastore_version_id, name, type, min_value, max_value, allowed_values,
                                   restart_required, read_only, hidden, description) values
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'cursorTimeoutMillis', 'integer', 1000, 86400000, null, false, false, false, 'Milliseconds an idle cursor lives (default 600000)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'transactionLifetimeLimitSeconds', 'integer', 1, 3600, null, false, false, false, 'Seconds a multi-document transaction may run (default 60)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'maxTransactionLockRequestTimeoutMillis', 'integer', -1, 60000, null, false, false, false, 'Milliseconds a transaction waits for a lock, -1 as long as the operation (default 5)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'notablescan', 'boolean', null, null, null, false, false, false, 'Refuse queries that would scan a whole collection (default false)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'ttlMonitorEnabled', 'boolean', null, null, null, false, false, false, 'Delete expired documents of TTL indexes (default true)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'ttlMonitorSleepSecs', 'integer', 1, 86400, null, false, false, false, 'Seconds between two passes of the TTL monitor (default 60)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'slowOpThresholdMs', 'integer', 0, 3600000, null, false, false, false, 'Milliseconds past which an operation is logged as slow (default 100)'),
    ('7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a31', 'maxIncomingConnections', 'integer', 1, 1000000, null, true, false, false, 'Connections mongod accepts at once (default 1000000, bounded by the open files limit)');
