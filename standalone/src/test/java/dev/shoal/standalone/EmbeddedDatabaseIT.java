package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL holds Shoal's state: durable, on one port, and back at once after a kill -9. */
@Timeout(180)
class EmbeddedDatabaseIT {

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @AfterEach
    void leavesNoPostgresBehind() {
        await("no PostgreSQL left on " + dataDir()).atMost(Duration.ofSeconds(15))
                .until(() -> postgresOn(dataDir()).isEmpty());
    }

    @Test
    void startsAtOnceAfterItsJvmWasKilledWithCommittedRowsOnTheSamePortAndWritesDurably() throws Exception {
        int port;
        try (EmbeddedServiceProcess child = EmbeddedServiceProcess.start("database", home, logs)) {
            port = child.awaitReady();
            child.kill();
        }
        List<ProcessHandle> leftover = postgresOn(dataDir());
        assertThat(leftover).as("the postmaster outlives its killed JVM").isNotEmpty();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            assertThat(leftover).noneMatch(ProcessHandle::isAlive);
            assertThat(database.port()).isEqualTo(port);
            try (Connection connection = connect(database)) {
                assertThat(firstValue(connection, "select note from crash_note"))
                        .isEqualTo(EmbeddedServiceProcess.NOTE);
                assertThat(List.of(firstValue(connection, "show fsync"),
                        firstValue(connection, "show synchronous_commit"),
                        firstValue(connection, "show full_page_writes"))).containsOnly("on");
            }
        }
    }

    @Test
    void startsOverAPidFileOfAPostmasterThatIsGone() throws Exception {
        String pidFile;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            pidFile = Files.readString(dataDir().resolve("postmaster.pid"));
        }
        long pid = Long.parseLong(pidFile.lines().findFirst().orElseThrow());
        // until reaped, a zombie still answers kill(pid, 0) and PostgreSQL would rightly refuse the file
        await("postmaster " + pid + " reaped").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(pid).isEmpty());
        Files.writeString(dataDir().resolve("postmaster.pid"), pidFile);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(home);
             Connection connection = connect(database)) {
            assertThat(firstValue(connection, "select current_database()")).isEqualTo("shoal");
        }
    }

    @Test
    void startsOverAPidFileWhoseProcessNumberAnotherProgramNowHas() throws Exception {
        String pidFile;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home)) {
            pidFile = Files.readString(dataDir().resolve("postmaster.pid"));
        }
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(dataDir().resolve("postmaster.pid"),
                    pidFile.replaceFirst("^\\d+", Long.toString(other.pid())));

            try (EmbeddedDatabase database = EmbeddedDatabase.start(home);
                 Connection connection = connect(database)) {
                assertThat(firstValue(connection, "select current_database()")).isEqualTo("shoal");
            }
            assertThat(other.isAlive()).as("the other program is left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    private Path dataDir() {
        return home.resolve("postgres");
    }

    /** Found by command line, independently of how the code under test recognises its postmaster. */
    private static List<ProcessHandle> postgresOn(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(path -> path.endsWith("/postgres")).isPresent())
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of())
                        .contains(dataDir.toString()))
                .toList();
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
    }

    private static String firstValue(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }
}
