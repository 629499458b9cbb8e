package dev.shoal.domain.task;

/** The long-running changes the task manager knows how to carry out. */
public enum TaskKind {
    CREATE_INSTANCE,
    DELETE_INSTANCE,
    ENABLE_ROOT,
    CREATE_REPLICAS,
    DETACH_REPLICA,
    CREATE_CLUSTER,
    DELETE_CLUSTER,
    GROW_CLUSTER,
    SHRINK_CLUSTER,
    REPLACE_CLUSTER_NODE,
    APPLY_CONFIGURATION,
    RESTART_INSTANCE,
    CREATE_DATABASES,
    DELETE_DATABASE,
    CREATE_USERS,
    DELETE_USER,
    GRANT_ACCESS,
    REVOKE_ACCESS
}
