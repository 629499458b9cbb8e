package dev.shoal.contracts;

/**
 * Names of the exchange, queues and headers every process agrees on.
 * One durable topic exchange carries all traffic; each queue is bound with its own name as routing key.
 */
public final class Routing {

    public static final String EXCHANGE = "shoal";
    /** Poison messages are republished here after bounded retries, routed by {@link #deadLetterQueue}. */
    public static final String DEAD_LETTER_EXCHANGE = "shoal.dlx";
    /**
     * What the control plane sends a guest goes straight to the guest's queue through the default exchange, which no
     * guest may publish to: a guest that binds its own queue to another node's name on {@link #EXCHANGE} (a broker
     * that does not check bindings lets it) receives none of that node's calls.
     */
    public static final String GUEST_CALL_EXCHANGE = "";
    public static final String TASKMANAGER_QUEUE = "taskmanager";
    public static final String CONDUCTOR_QUEUE = "conductor";
    /** HMAC-SHA256 of the message body, keyed by the node's secret (guest traffic only). */
    public static final String SIGNATURE_HEADER = "x-shoal-signature";

    private static final String GUEST_QUEUE_PREFIX = "guestagent.";
    /**
     * Each task manager's own queue for the answers to its guest calls, bound to {@link #EXCHANGE} by its name like
     * every queue: a guest may publish to the exchange with such a routing key, never to the default exchange,
     * which would let it reach any queue.
     */
    private static final String REPLY_QUEUE_PREFIX = "taskmanager.replies.";

    private Routing() {
    }

    public static String guestQueue(String nodeId) {
        return GUEST_QUEUE_PREFIX + nodeId;
    }

    /**
     * Where guests answer the calls of tasks' steps: one durable queue all task managers share, whose answers are
     * kept in the database for the step that asked, whichever task manager runs it next.
     */
    public static final String STEP_REPLY_QUEUE = REPLY_QUEUE_PREFIX + "steps";

    public static String replyQueue(String taskManagerId) {
        return REPLY_QUEUE_PREFIX + taskManagerId;
    }

    /** Whether a call's reply-to names a task manager's reply queue, which is reached through {@link #EXCHANGE}. */
    public static boolean isReplyQueue(String replyTo) {
        return replyTo != null && replyTo.length() > REPLY_QUEUE_PREFIX.length()
                && replyTo.startsWith(REPLY_QUEUE_PREFIX);
    }

    public static String replyQueuePrefix() {
        return REPLY_QUEUE_PREFIX;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }
}
