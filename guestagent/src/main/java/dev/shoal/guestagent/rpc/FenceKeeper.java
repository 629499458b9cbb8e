package dev.shoal.guestagent.rpc;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * The highest fencing epoch this node has obeyed on a call that changes who leads or follows. A task manager that
 * was paused past its lease, and lost its task to another, calls with an older epoch and is refused, so two task
 * managers never both promote or demote. Kept in the node directory: the guest may restart, the node's history
 * must not be forgotten with it. A call without an epoch (from a control plane that sends none) is obeyed.
 */
final class FenceKeeper {

    static final String FILE_NAME = "fence";
    static final Set<String> FENCED = Set.of(MessageTypes.ENABLE_AS_MASTER, MessageTypes.DEMOTE_REPLICATION_MASTER,
            MessageTypes.PROMOTE_TO_REPLICA_SOURCE, MessageTypes.MAKE_READ_ONLY, MessageTypes.ATTACH_REPLICA,
            MessageTypes.DETACH_REPLICA);

    private final Path file;
    private long highest;

    FenceKeeper(Path nodeDir) {
        this.file = nodeDir.resolve(FILE_NAME);
        this.highest = read(file);
    }

    /** @throws StaleCallerException when a fenced call carries an epoch older than one already obeyed */
    synchronized void admit(Envelope call) {
        Long epoch = call.fence();
        if (epoch == null || !FENCED.contains(call.type())) {
            return;
        }
        if (epoch < highest) {
            throw new StaleCallerException(call.type() + " refused: its caller's fencing epoch " + epoch
                    + " is older than " + highest + ", which this node obeyed already; the caller lost its task");
        }
        if (epoch > highest) {
            write(epoch);
            highest = epoch;
        }
    }

    private void write(long epoch) {
        try {
            Path partial = file.resolveSibling(FILE_NAME + ".part");
            Files.writeString(partial, Long.toString(epoch));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the fencing epoch in " + file, e);
        }
    }

    private static long read(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (NoSuchFileException absent) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fencing epoch in " + file, e);
        }
    }

    static final class StaleCallerException extends RuntimeException {
        StaleCallerException(String message) {
            super(message);
        }
    }
}
