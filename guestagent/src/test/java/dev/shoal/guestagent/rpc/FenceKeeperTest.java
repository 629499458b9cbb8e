package dev.shoal.guestagent.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FenceKeeperTest {

    private final MessageCodec codec = new MessageCodec();

    @TempDir
    Path nodeDir;

    @Test
    void refusesAPromotionFromACallerOlderThanOneObeyedEvenAfterTheGuestRestarts() {
        FenceKeeper fences = new FenceKeeper(nodeDir);
        fences.admit(call(MessageTypes.ENABLE_AS_MASTER).fenced(7));
        assertThatCode(() -> fences.admit(call(MessageTypes.ENABLE_AS_MASTER).fenced(7)))
                .as("the same task sending again").doesNotThrowAnyException();
        fences.admit(call(MessageTypes.DEMOTE_REPLICATION_MASTER).fenced(9));

        FenceKeeper restarted = new FenceKeeper(nodeDir);

        assertThatThrownBy(() -> restarted.admit(call(MessageTypes.ENABLE_AS_MASTER).fenced(8)))
                .isInstanceOf(FenceKeeper.StaleCallerException.class)
                .hasMessageContaining("epoch 8").hasMessageContaining("9");
        assertThatCode(() -> restarted.admit(call(MessageTypes.MAKE_READ_ONLY).fenced(10)))
                .doesNotThrowAnyException();
    }

    @Test
    void callsThatChangeNoRoleAndCallsWithoutAnEpochAreNeverRefused() {
        FenceKeeper fences = new FenceKeeper(nodeDir);
        fences.admit(call(MessageTypes.ENABLE_AS_MASTER).fenced(20));

        assertThatCode(() -> fences.admit(call(MessageTypes.CREATE_BACKUP).fenced(3))).doesNotThrowAnyException();
        assertThatCode(() -> fences.admit(call(MessageTypes.ENABLE_AS_MASTER))).doesNotThrowAnyException();
        assertThat(new FenceKeeper(nodeDir)).as("an unfenced call does not lower the epoch")
                .satisfies(kept -> assertThatThrownBy(() -> kept.admit(call(MessageTypes.DETACH_REPLICA).fenced(19)))
                        .isInstanceOf(FenceKeeper.StaleCallerException.class));
    }

    private Envelope call(String type) {
        return codec.envelope(type, Instant.now(), "task", "acme", "node", Map.of());
    }
}
