package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.guest.spi.DatastoreLog;
import dev.shoal.guest.spi.DatastoreManager;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The logs a tenant reads, against the real server: its own log is written and always on, each user log switches on
 * (the server then writes what a client does there, {@link #writeToUserLog}) and off, a restarted agent knows what was
 * switched, and a system log or an unknown one does not switch.
 */
public interface DatastoreLogsContract extends DatastoreManagerContract {

    /** Does, as a client of the running server, what the user log of that name records; none has none. */
    default void writeToUserLog(String name) throws Exception {
        throw new IllegalArgumentException(preparedManager().name() + " has no user log " + name);
    }

    private DatastoreManager loggingManager() {
        return preparedManager();
    }

    @Test
    default void theServersOwnLogIsWrittenAndAlwaysOn() throws Exception {
        DatastoreLog own = loggingManager().logs().get(0);

        assertThat(own.isUser()).isFalse();
        assertThat(own.enabled()).isTrue();
        assertThat(Files.size(own.file())).as("it said it started").isPositive();
        assertThatThrownBy(() -> loggingManager().switchLog(own.name(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loggingManager().switchLog("no-such-log", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void aUserLogSwitchedOnRecordsWhatClientsDoUntilItIsSwitchedOff() throws Exception {
        List<DatastoreLog> user = loggingManager().logs().stream().filter(DatastoreLog::isUser).toList();
        for (DatastoreLog log : user) {
            assertThat(log.enabled()).as(log.name() + " is off until a tenant switches it on").isFalse();
            try {
                loggingManager().switchLog(log.name(), true);
                writeToUserLog(log.name());

                assertThat(find(restartedAgentsManager(), log.name()).enabled()).isTrue();
                assertThat(Files.exists(log.file()) && Files.size(log.file()) > 0).as(log.name() + " written")
                        .isTrue();
            } finally {
                loggingManager().switchLog(log.name(), false);
            }
            assertThat(find(loggingManager(), log.name()).enabled()).isFalse();
        }
    }

    private static DatastoreLog find(DatastoreManager manager, String name) {
        return manager.logs().stream().filter(log -> log.name().equals(name)).findFirst().orElseThrow();
    }
}
