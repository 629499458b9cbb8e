package dev.shoal.guest.spi;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.PrepareTimes;
import java.util.List;
import java.util.Optional;

/**
 * The only thing that touches a node's datastore; one implementation per datastore. This is what every datastore
 * does; what only some do is an ability of its own ({@link Replicated}, {@link Clustered}, {@link Backups},
 * {@link Accounts}, {@link Configurable}, {@link Resizable}, ...), which a datastore implements when it has it.
 */
public interface DatastoreManager {

    /** The manager name prepare requests must carry, the datastore's descriptor name. */
    String name();

    /** Initialises and starts the datastore; safe to call again on a prepared node. */
    void prepare(Prepare request) throws Exception;

    /** Restarts a datastore that was prepared before this agent (re)started. */
    void resume() throws Exception;

    /**
     * Does, while the agent connects to its broker, the part of a first prepare that any prepare needs (a data
     * directory's bootstrap), so that the agent's start and the datastore's own work overlap; nothing on a node
     * prepared before.
     */
    default void prepareAhead() throws Exception {
    }

    ServiceStatus status();

    /** Human-readable detail of the status, e.g. why prepare failed. */
    String statusDescription();

    void enableRoot(String password) throws Exception;

    void stop() throws Exception;

    void restart() throws Exception;

    /**
     * The server crashed again and again: it stays down, {@code FAILED} with {@code reason}, until a prepare, a resume
     * or a restart asked for starts it again.
     */
    void giveUp(String reason);

    /** The last {@code lines} lines the server wrote to its log, oldest first; none when it wrote nothing. */
    List<String> serverLogTail(int lines);

    /** The logs a tenant may read, each with its file; none by default. */
    default List<DatastoreLog> logs() {
        return List.of();
    }

    /**
     * Switches a user log of {@link #logs()} on or off, for good (a restart keeps it so).
     *
     * @return true when it takes effect only once the server restarts
     * @throws IllegalArgumentException when the datastore has no such user log
     */
    default boolean switchLog(String name, boolean on) throws Exception {
        throw new IllegalArgumentException(name() + " has no log " + name + " to switch on or off");
    }

    /** Volume size granted by prepare, in bytes, if known. */
    Long volumeTotalBytes();

    /** The volume has grown to {@code sizeGb}; a smaller size than the current one is refused. */
    void resizeVolume(int sizeGb) throws Exception;

    /** The phases of this agent's last prepare, as it timed them; none when it prepared nothing. */
    default List<PrepareTimes.Phase> preparePhases() {
        return List.of();
    }

    /** This datastore's ability of that kind, or empty when it does not have it. */
    default <A> Optional<A> ability(Class<A> ability) {
        return ability.isInstance(this) ? Optional.of(ability.cast(this)) : Optional.empty();
    }
}
