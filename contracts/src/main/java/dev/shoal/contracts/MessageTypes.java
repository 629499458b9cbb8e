package dev.shoal.contracts;

/** Message types, named after Trove's RPC methods where one exists. */
public final class MessageTypes {

    // taskmanager queue
    /** Run (or resume) a persisted task: payload {@link dev.shoal.contracts.task.RunTask}. */
    public static final String RUN_TASK = "run_task";

    // guestagent.<nodeId> queues
    public static final String PREPARE = "prepare";
    public static final String ENABLE_ROOT = "enable_root";
    public static final String STOP_DB = "stop_db";
    public static final String RESTART = "restart";
    public static final String GET_FILESYSTEM_STATS = "get_filesystem_stats";
    /** How long the guest took to start and to prepare its datastore, phase by phase, as it measured them. */
    public static final String GET_PREPARE_TIMES = "get_prepare_times";
    // resize: the volume grown, the datastore sized for a new flavor
    public static final String RESIZE_FS = "resize_fs";
    public static final String RESET_CONFIGURATION = "reset_configuration";
    // clusters: membership as the datastore itself sees it, and changes to it
    public static final String GET_CLUSTER_STATUS = "get_cluster_status";
    public static final String ADD_MEMBERS = "add_members";
    public static final String REMOVE_MEMBERS = "remove_members";
    public static final String DECOMMISSION = "decommission";
    public static final String CLUSTER_COMPLETE = "cluster_complete";
    // replication: a master and read-only replicas
    public static final String CREATE_REPLICATION_SNAPSHOT = "create_replication_snapshot";
    public static final String DELETE_REPLICATION_SNAPSHOT = "delete_replication_snapshot";
    public static final String ATTACH_REPLICA = "attach_replica";
    public static final String DETACH_REPLICA = "detach_replica";
    public static final String GET_REPLICATION_STATUS = "get_replication_status";
    public static final String PROMOTE_TO_REPLICA_SOURCE = "promote_to_replica_source";
    // a switchover in Trove's order: the master stops writing, the candidate catches up and takes over
    public static final String MAKE_READ_ONLY = "make_read_only";
    public static final String GET_LATEST_TXN_ID = "get_latest_txn_id";
    public static final String WAIT_FOR_TXN = "wait_for_txn";
    public static final String ENABLE_AS_MASTER = "enable_as_master";
    public static final String DEMOTE_REPLICATION_MASTER = "demote_replication_master";
    // configuration groups
    public static final String UPDATE_OVERRIDES = "update_overrides";
    // an instance's databases and users, as Trove's guest API names them
    public static final String CREATE_DATABASE = "create_database";
    public static final String DELETE_DATABASE = "delete_database";
    public static final String CREATE_USER = "create_user";
    public static final String DELETE_USER = "delete_user";
    public static final String GRANT_ACCESS = "grant_access";
    public static final String REVOKE_ACCESS = "revoke_access";
    // backups: Trove's create_backup writes one into the backup store; delete_backup removes what it wrote
    public static final String CREATE_BACKUP = "create_backup";
    public static final String DELETE_BACKUP = "delete_backup";
    // datastore logs: Trove's guest_log_list names them, guest_log_action switches one or hands over its new part
    public static final String GUEST_LOG_LIST = "guest_log_list";
    public static final String GUEST_LOG_ACTION = "guest_log_action";

    // conductor queue
    public static final String HEARTBEAT = "heartbeat";
    public static final String REPORT = "report";

    // reply to a guest call
    public static final String REPLY = "reply";

    private MessageTypes() {
    }
}
