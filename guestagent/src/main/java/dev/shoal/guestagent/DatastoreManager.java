package dev.shoal.guestagent;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;

/** The only thing that touches a node's datastore; one implementation per datastore. */
public interface DatastoreManager {

    /** Initialises and starts the datastore; safe to call again on a prepared node. */
    void prepare(Prepare request) throws Exception;

    /** Restarts a datastore that was prepared before this agent (re)started. */
    void resume() throws Exception;

    ServiceStatus status();

    /** Human-readable detail of the status, e.g. why prepare failed. */
    String statusDescription();

    void enableRoot(String password) throws Exception;

    void stop() throws Exception;

    void restart() throws Exception;

    /** Volume size granted by prepare, in bytes, if known. */
    Long volumeTotalBytes();
}
