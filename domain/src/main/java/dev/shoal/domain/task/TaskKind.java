package dev.shoal.domain.task;

/** The long-running changes the task manager knows how to carry out. */
public enum TaskKind {
    CREATE_INSTANCE,
    DELETE_INSTANCE,
    ENABLE_ROOT,
    CREATE_REPLICAS,
    DETACH_REPLICA,
    PROMOTE_TO_REPLICA_SOURCE,
    EJECT_REPLICA_SOURCE,
    /** A replication set's master is dead: Shoal fences it and a replica takes over, unasked. */
    FAILOVER,
    /** An old master back after a failover follows the new master, or stays fenced when its history diverged. */
    REJOIN_REPLICA,
    CREATE_CLUSTER,
    DELETE_CLUSTER,
    GROW_CLUSTER,
    SHRINK_CLUSTER,
    REPLACE_CLUSTER_NODE,
    APPLY_CONFIGURATION,
    RESTART_INSTANCE,
    /** Trove's management {@code stop}: the instance's datastore stopped through its guest, its node kept. */
    STOP_INSTANCE,
    RESIZE_INSTANCE,
    APPLY_CLUSTER_CONFIGURATION,
    RESTART_CLUSTER,
    CREATE_DATABASES,
    DELETE_DATABASE,
    CREATE_USERS,
    DELETE_USER,
    GRANT_ACCESS,
    REVOKE_ACCESS,
    CREATE_BACKUP,
    DELETE_BACKUP,
    /** Applies an instance's security group (Trove's {@code access}) to its node's firewall. */
    UPDATE_ACCESS,
    /** Lists an instance's datastore logs, switches one, publishes its new part or discards its parts (Trove's log). */
    GUEST_LOG;

    /**
     * Whether an operation of this kind can be cancelled at all (then at its steps before its point of no return): a
     * task not yet taken up has no steps recorded to say so.
     */
    public boolean isCancellable() {
        return switch (this) {
            case CREATE_INSTANCE, DELETE_INSTANCE, PROMOTE_TO_REPLICA_SOURCE, CREATE_CLUSTER, GROW_CLUSTER,
                 REPLACE_CLUSTER_NODE, APPLY_CONFIGURATION, APPLY_CLUSTER_CONFIGURATION -> true;
            default -> false;
        };
    }
}
