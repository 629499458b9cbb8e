package dev.shoal.guestagent.rpc;

import dev.shoal.contracts.guest.GuestLog;
import dev.shoal.guest.spi.DatastoreLog;
import dev.shoal.guest.spi.DatastoreManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The datastore's logs as Trove's guest log calls see them: listed with their sizes, a user log switched on or off,
 * and the part of a log written since the last one handed over for publishing.
 */
final class LogCalls {

    private final DatastoreManager datastore;

    LogCalls(DatastoreManager datastore) {
        this.datastore = datastore;
    }

    GuestLog.Listing list() throws IOException {
        List<GuestLog> logs = new ArrayList<>();
        for (DatastoreLog log : datastore.logs()) {
            logs.add(state(log, false));
        }
        return new GuestLog.Listing(logs);
    }

    GuestLog.Acted act(GuestLog.Action action) throws Exception {
        DatastoreLog log = find(action.name());
        switch (action.action()) {
            case GuestLog.Action.SHOW -> {
                return new GuestLog.Acted(state(log, false), 0, 0, 0, null, 0);
            }
            case GuestLog.Action.ENABLE, GuestLog.Action.DISABLE -> {
                if (!log.isUser()) {
                    throw new IllegalArgumentException("log " + log.name() + " is a system log: the server always"
                            + " writes it");
                }
                boolean restart = datastore.switchLog(log.name(), action.action().equals(GuestLog.Action.ENABLE));
                return new GuestLog.Acted(state(find(log.name()), restart), 0, 0, 0, null, 0);
            }
            case GuestLog.Action.PUBLISH -> {
                LogPart part = LogPart.after(log.file(), action.publishedUpTo(), action.maxBytes());
                return new GuestLog.Acted(state(log, false), part.from(), part.to(), part.skipped(), part.content(),
                        part.lines());
            }
            default -> throw new IllegalArgumentException("unknown log action " + action.action());
        }
    }

    private DatastoreLog find(String name) {
        return datastore.logs().stream().filter(log -> log.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(datastore.name() + " has no log " + name));
    }

    /** @param restart whether a switch just made takes effect only once the server restarts */
    private static GuestLog state(DatastoreLog log, boolean restart) throws IOException {
        return new GuestLog(log.name(), log.type(), log.enabled(), restart, LogPart.sizeOf(log.file()));
    }
}
