package dev.shoal.guestagent.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.testsupport.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSupervisorTest {

    private final Server server = new Server();
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private int reports;
    @TempDir
    Path nodeDir;
    private ServerSupervisor supervisor;

    @BeforeEach
    void supervise() {
        supervisor = new ServerSupervisor(server, () -> reports++, clock, Duration.ofSeconds(1),
                new SupervisionFile(nodeDir.resolve("supervision.properties")));
    }

    @Test
    void aCrashIsReportedAtOnceAndTheServerStartedAgainAfterTheFirstWait() {
        server.status = ServiceStatus.CRASHED;

        supervisor.check();
        assertThat(reports).as("the crash, told at once").isEqualTo(1);
        assertThat(server.starts).isZero();
        clock.move(Duration.ofMillis(999));
        supervisor.check();
        assertThat(server.starts).isZero();

        clock.move(Duration.ofMillis(1));
        supervisor.check();
        assertThat(server.starts).isEqualTo(1);
        assertThat(server.status).isEqualTo(ServiceStatus.RUNNING);
        assertThat(reports).as("and the recovery").isEqualTo(2);
        assertThat(supervisor.counts()).isEqualTo(new ServerSupervisor.Counts(1, START));
        assertThat(new ServerSupervisor(server, () -> { }, clock, Duration.ofSeconds(1),
                new SupervisionFile(nodeDir.resolve("supervision.properties"))).counts())
                .as("an agent started again goes on counting").isEqualTo(supervisor.counts());
    }

    @Test
    void startsThatFailWaitTwiceAsLongEachTimeAndTheFifthCrashLeavesItFailedWithItsLog() {
        server.status = ServiceStatus.CRASHED;
        server.startsFail = true;
        List<Duration> waits = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        supervisor.check();
        for (Duration wait : waits) {
            int before = server.starts;
            clock.move(wait.minusMillis(1));
            supervisor.check();
            assertThat(server.starts).as("not before " + wait).isEqualTo(before);
            clock.move(Duration.ofMillis(1));
            supervisor.check();
            assertThat(server.starts).as("after " + wait).isEqualTo(before + 1);
            supervisor.check();
        }

        assertThat(server.status).isEqualTo(ServiceStatus.FAILED);
        assertThat(server.reason).contains("crashed 5 times within 10 minutes", "mariadbd: out of memory");
        clock.move(Duration.ofMinutes(5));
        supervisor.check();
        assertThat(server.starts).as("it stays down").isEqualTo(4);
    }

    @Test
    void aServerStoppedOnPurposeIsLeftStoppedAndOldCrashesAreForgotten() {
        server.status = ServiceStatus.SHUTDOWN;
        supervisor.check();
        assertThat(server.starts).isZero();
        assertThat(reports).isZero();

        for (int crash = 0; crash < 6; crash++) {
            server.status = ServiceStatus.CRASHED;
            supervisor.check();
            clock.move(Duration.ofMinutes(1));
            supervisor.check();
            assertThat(server.status).as("crash " + crash).isEqualTo(ServiceStatus.RUNNING);
            supervisor.check();
            clock.move(Duration.ofMinutes(3));
        }
        assertThat(supervisor.counts().restarts()).as("never five within ten minutes").isEqualTo(6);
    }

    @Test
    void theWaitDoublesUpToAMinute() {
        assertThat(supervisor.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(supervisor.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(supervisor.backoff(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(supervisor.backoff(40)).isEqualTo(Duration.ofMinutes(1));
    }


    /** A server as the supervisor sees it: its status, and starts that work or fail. */
    private static final class Server implements DatastoreManager {

        ServiceStatus status = ServiceStatus.RUNNING;
        boolean startsFail;
        int starts;
        String reason;

        @Override
        public String name() {
            return "keyvalue";
        }

        @Override
        public void prepare(Prepare request) {
        }

        @Override
        public void resume() throws Exception {
            starts++;
            if (startsFail) {
                status = ServiceStatus.CRASHED;
                throw new IllegalStateException("the server exited during its start");
            }
            status = ServiceStatus.RUNNING;
        }

        @Override
        public ServiceStatus status() {
            return status;
        }

        @Override
        public String statusDescription() {
            return "the server exited unexpectedly";
        }

        @Override
        public void enableRoot(String password) {
        }

        @Override
        public void stop() {
            status = ServiceStatus.SHUTDOWN;
        }

        @Override
        public void restart() {
        }

        @Override
        public void giveUp(String why) {
            status = ServiceStatus.FAILED;
            reason = why;
        }

        @Override
        public List<String> serverLogTail(int lines) {
            return List.of("starting", "mariadbd: out of memory");
        }

        @Override
        public Long volumeTotalBytes() {
            return null;
        }

        @Override
        public void resizeVolume(int sizeGb) {
        }
    }
}
