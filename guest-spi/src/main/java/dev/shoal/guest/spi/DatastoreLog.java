package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.GuestLog;
import java.nio.file.Path;

/**
 * A log a datastore writes that a tenant may read: a system log (the server's own, always written) or a user log,
 * which the tenant switches on and off.
 *
 * @param type {@link GuestLog#SYS} or {@link GuestLog#USER}
 */
public record DatastoreLog(String name, String type, Path file, boolean enabled) {

    public static DatastoreLog system(String name, Path file) {
        return new DatastoreLog(name, GuestLog.SYS, file, true);
    }

    public static DatastoreLog user(String name, Path file, boolean enabled) {
        return new DatastoreLog(name, GuestLog.USER, file, enabled);
    }

    public boolean isUser() {
        return GuestLog.USER.equals(type);
    }
}
