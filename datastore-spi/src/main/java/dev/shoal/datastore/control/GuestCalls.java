package dev.shoal.datastore.control;

/**
 * Calls to a node's guest agent, named by {@link dev.shoal.contracts.MessageTypes}, each carrying the change's
 * correlation id. They throw unchecked exceptions a strategy lets through: the guest answered with an error or not
 * in time (the task fails), or, inside a step, the answer is not in yet (the step runs again once it is, and the same
 * call then finds it).
 */
public interface GuestCalls {

    /** How long the guest is given to answer: the task manager's short or long guest call timeout. */
    enum Wait {
        /** A question the guest answers at once (a status). */
        SHORT,
        /** Work the guest does before answering (a snapshot, a decommission). */
        LONG
    }

    /** @return the guest's answer, read as {@code answer} */
    <T> T call(ClusterNode node, String type, Object payload, Class<T> answer, String correlationId, Wait wait);

    /** A call whose answer only says it is done. */
    void call(ClusterNode node, String type, Object payload, String correlationId, Wait wait);
}
