package dev.shoal.guestagent.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A replica's probe of its master's port, against a real listening socket on the loopback. */
class MasterProbeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicReference<Optional<InetSocketAddress>> master = new AtomicReference<>(Optional.empty());
    private final MasterProbe probe = new MasterProbe(master::get, reports::incrementAndGet,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500));

    @Test
    void aMasterThatStopsListeningIsUnreachableSinceTheFirstFailedProbeAndToldOnceEachWay() throws Exception {
        InetSocketAddress address;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            address = new InetSocketAddress("127.0.0.1", server.getLocalPort());
            master.set(Optional.of(address));
            probe.probe();
            assertThat(probe.unreachableSince()).isNull();
            assertThat(reports).hasValue(0);
        }

        probe.probe();
        probe.probe();
        assertThat(probe.unreachableSince()).isEqualTo(NOW);
        assertThat(reports).as("told at once, and once").hasValue(1);

        try (ServerSocket back = new ServerSocket(address.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            probe.probe();
            assertThat(probe.unreachableSince()).isNull();
            assertThat(reports).hasValue(2);
        }
    }

    @Test
    void aNodeThatFollowsNoMasterReportsNothing() {
        probe.probe();

        assertThat(probe.unreachableSince()).isNull();
        assertThat(reports).hasValue(0);
    }
}
