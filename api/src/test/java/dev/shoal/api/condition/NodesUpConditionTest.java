package dev.shoal.api.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.condition.NodesUpCondition.NodeHealth;
import dev.shoal.domain.node.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesUpConditionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);

    @Test
    void aRingWhoseNodesAreActiveHasAllNodesUp() {
        Condition up = NodesUpCondition.of(List.of(active("ring-1"), active("ring-2")), GRACE, NOW);

        assertThat(up.status()).isEqualTo("True");
        assertThat(up.reason()).isEqualTo("AllNodesUp");
    }

    @Test
    void aNodeSilentLongerThanTheGraceIsDownSinceItWasLastHeard() {
        Condition up = NodesUpCondition.of(List.of(active("ring-1"),
                new NodeHealth("ring-2", NodeStatus.SHUTDOWN, NOW.minusSeconds(120), false)), GRACE, NOW);

        assertThat(up.status()).isEqualTo("False");
        assertThat(up.reason()).isEqualTo("NodeDown");
        assertThat(up.message()).contains("ring-2 is SHUTDOWN", "replace_node").doesNotContain("ring-1");
        assertThat(up.lastTransitionTime()).isEqualTo("2026-12-07T00:58:00Z");
    }

    @Test
    void aCrashWithinTheGraceIsNotYetCounted() {
        Condition up = NodesUpCondition.of(List.of(new NodeHealth("ring-1", NodeStatus.CRASHED, NOW.minusSeconds(10),
                false)), GRACE, NOW);

        assertThat(up.status()).isEqualTo("True");
        assertThat(up.message()).contains("ring-1");
    }

    @Test
    void aGuestThatSaysItsServerFailedIsBelievedAtOnce() {
        Condition up = NodesUpCondition.of(List.of(new NodeHealth("ring-1", NodeStatus.FAILED, NOW.minusSeconds(1),
                true)), GRACE, NOW);

        assertThat(up.reason()).isEqualTo("NodeDown");
    }

    @Test
    void aNodeBeingBuiltIsNotDown() {
        Condition up = NodesUpCondition.of(List.of(new NodeHealth("ring-1", NodeStatus.BUILD, null, false)), GRACE,
                NOW);

        assertThat(up.reason()).isEqualTo("AllNodesUp");
    }

    private static NodeHealth active(String name) {
        return new NodeHealth(name, NodeStatus.ACTIVE, null, false);
    }
}
