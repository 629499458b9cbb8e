package dev.shoal.taskmanager.broker;

/**
 * The broker accounts of guests: one per node, allowed to consume only the node's own queue and to publish only to
 * the conductor and to task managers' reply queues, so a guest can neither read nor forge another node's traffic.
 * Both operations are idempotent: ensuring an account that exists sets its password and permissions again, and
 * deleting an absent one does nothing.
 */
public interface GuestBrokerAccounts {

    /** @throws BrokerAccountException when the broker cannot be told */
    void ensure(GuestBrokerAccount account);

    /** @throws BrokerAccountException when the broker cannot be told */
    void delete(String nodeId);
}
