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

    // conductor queue
    public static final String HEARTBEAT = "heartbeat";
    public static final String REPORT = "report";

    // reply to a guest call
    public static final String REPLY = "reply";

    private MessageTypes() {
    }
}
