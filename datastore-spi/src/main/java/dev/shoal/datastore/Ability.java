package dev.shoal.datastore;

/** What a datastore can do beyond running; an ability it lacks is refused with a clear error before any work. */
public enum Ability {
    /** Instances with read-only replicas, promotion and ejection of a master. */
    REPLICATION,
    /** Clusters of its nodes. */
    CLUSTERS,
    BACKUPS,
    /** Databases and users managed through the api. */
    ACCOUNTS,
    CONFIGURATION,
    /** A new flavor's memory applied to the running server. */
    RESIZE,
    /**
     * An old master back after a failover rejoins even when its history forked off the new master's: its guest
     * discards the forked tail, which no replica acknowledged, instead of the task manager refusing it as diverged.
     */
    DISCARDS_FORKED_HISTORY
}
