package dev.shoal.taskmanager.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrepareDeliveryTest {

    private static final Instant CAST = Instant.parse("2026-12-06T12:00:00Z");
    private final PrepareDelivery delivery = new PrepareDelivery();
    private final UUID node = UUID.randomUUID();

    @Test
    void aNewHeartbeatSentAfterTheCastMeansThePrepareWasLost() {
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.plusSeconds(2), CAST)).isTrue();
    }

    @Test
    void aNewHeartbeatSentBeforeTheCastSaysNothingYet() {
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.minusMillis(1), CAST)).isFalse();
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST, CAST)).isFalse();
    }

    @Test
    void aGuestThatSaysAnythingButNewGotItsPrepare() {
        assertThat(delivery.lost(node, ServiceStatus.BUILD, CAST.plusSeconds(2), CAST)).isFalse();
        assertThat(delivery.lost(node, ServiceStatus.RUNNING, CAST.plusSeconds(2), CAST)).isFalse();
        assertThat(delivery.lost(node, null, null, CAST)).as("no heartbeat yet").isFalse();
    }

    @Test
    void eachHeartbeatAsksForOneResendNotOnePerPoll() {
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.plusSeconds(2), CAST)).isTrue();
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.plusSeconds(2), CAST)).isFalse();
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.plusSeconds(4), CAST)).isTrue();
    }

    @Test
    void nodesAreToldApart() {
        assertThat(delivery.lost(node, ServiceStatus.NEW, CAST.plusSeconds(2), CAST)).isTrue();
        assertThat(delivery.lost(UUID.randomUUID(), ServiceStatus.NEW, CAST.plusSeconds(2), CAST)).isTrue();
    }
}
