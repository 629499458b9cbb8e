package dev.shoal.taskmanager.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SwitchoverParametersTest {

    private final UUID master = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void theChosenCandidateIsNoLongerAmongTheReplicasThatFollowIt() {
        SwitchoverParameters chosen = new SwitchoverParameters(master, null, List.of(a, b, c), null, null)
                .withCandidate(b);

        assertThat(chosen.candidate()).isEqualTo(b);
        assertThat(chosen.replicas()).containsExactly(a, c);
    }

    @Test
    void aReplicaThatDidNotAnswerIsNotPointedAtTheNewMaster() {
        SwitchoverParameters chosen = new SwitchoverParameters(master, null, List.of(a, b, c), null, null)
                .following(Set.of(a, b)).withCandidate(a);

        assertThat(chosen.replicas()).containsExactly(b);
        assertThat(chosen.oldMaster()).isEqualTo(master);
    }
}
