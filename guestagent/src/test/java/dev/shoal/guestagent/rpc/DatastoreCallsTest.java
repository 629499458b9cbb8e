package dev.shoal.guestagent.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.BackupRequest;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.PrepareTimes;
import dev.shoal.contracts.guest.ResetConfiguration;
import dev.shoal.contracts.guest.SnapshotRequest;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparePhases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatastoreCallsTest {

    private final MessageCodec codec = new MessageCodec();

    @TempDir
    Path nodeDir;

    @Test
    void answersACallForAnAbilityTheDatastoreLacksWithWhatItLacks() {
        DatastoreCalls calls = new DatastoreCalls(config(), new LifecycleOnly(), codec);

        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.CREATE_REPLICATION_SNAPSHOT,
                new SnapshotRequest("s1")))).isInstanceOf(MissingAbilityException.class)
                .hasMessage("keyvalue has no replication");
        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.CREATE_BACKUP, new BackupRequest("b1"))))
                .hasMessage("keyvalue has no backups");
        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.GET_CLUSTER_STATUS, Map.of())))
                .hasMessage("keyvalue has no cluster");
        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.ADD_MEMBERS, new ClusterMembers(List.of()))))
                .hasMessage("keyvalue has no members added by one node");
        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.CREATE_USER, Map.of("users", List.of()))))
                .hasMessage("keyvalue has no databases and users");
        assertThatThrownBy(() -> calls.execute(envelope(MessageTypes.RESET_CONFIGURATION,
                new ResetConfiguration(1024)))).hasMessage("keyvalue has no flavor resize");
    }

    @Test
    void runsACallOnTheAbilityTheDatastoreHas() throws Exception {
        DatastoreCalls calls = new DatastoreCalls(config(), new WithConfiguration(), codec);

        Object applied = calls.execute(envelope(MessageTypes.UPDATE_OVERRIDES,
                new ConfigurationOverrides(Map.of("cache", "64"), List.of("cache"))));

        assertThat(applied).isEqualTo(new AppliedConfiguration(List.of(), Map.of("cache", "64")));
        assertThatThrownBy(() -> new DatastoreCalls(config(), new LifecycleOnly(), codec).execute(envelope(
                MessageTypes.UPDATE_OVERRIDES, new ConfigurationOverrides(Map.of(), List.of()))))
                .hasMessage("keyvalue has no configuration groups");
    }

    @Test
    void toldItsPrepareTimesTheAgentsStartComesBeforeTheDatastoresOwnPhases() throws Exception {
        PreparePhases agent = new PreparePhases();
        agent.record("agent start", Duration.ofMillis(520));
        DatastoreCalls calls = new DatastoreCalls(config(), new LifecycleOnly() {
            @Override
            public List<PrepareTimes.Phase> preparePhases() {
                return List.of(new PrepareTimes.Phase("install-db", 1210), new PrepareTimes.Phase("prepare", 2000));
            }
        }, codec, agent);

        Object times = calls.execute(envelope(MessageTypes.GET_PREPARE_TIMES, Map.of()));

        assertThat(times).isInstanceOf(PrepareTimes.class);
        assertThat(((PrepareTimes) times).describe())
                .isEqualTo("agent start 0.52 s, install-db 1.21 s, prepare 2.00 s");
    }

    @Test
    void anUnknownMethodIsNamed() {
        DatastoreCalls calls = new DatastoreCalls(config(), new LifecycleOnly(), codec);

        assertThatThrownBy(() -> calls.execute(envelope("format_disk", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown method format_disk");
    }

    private Envelope envelope(String type, Object payload) {
        return codec.envelope(type, Instant.now(), "task", "acme", "node", payload);
    }

    private GuestConfig config() {
        return new GuestConfig("node", NodeSecret.generate(), "127.0.1.9", nodeDir, "amqp://127.0.0.1",
                Duration.ofSeconds(1), Map.of("datastore.manager", "keyvalue"));
    }

    /** A datastore with nothing but the lifecycle every datastore has. */
    private static class LifecycleOnly implements DatastoreManager {

        @Override
        public String name() {
            return "keyvalue";
        }

        @Override
        public void prepare(Prepare request) {
        }

        @Override
        public void resume() {
        }

        @Override
        public ServiceStatus status() {
            return ServiceStatus.RUNNING;
        }

        @Override
        public String statusDescription() {
            return null;
        }

        @Override
        public void enableRoot(String password) {
        }

        @Override
        public void stop() {
        }

        @Override
        public void restart() {
        }

        @Override
        public Long volumeTotalBytes() {
            return null;
        }

        @Override
        public void resizeVolume(int sizeGb) {
        }

        @Override
        public void giveUp(String reason) {
        }

        @Override
        public List<String> serverLogTail(int lines) {
            return List.of();
        }
    }

    private static final class WithConfiguration extends LifecycleOnly implements Configurable {

        @Override
        public AppliedConfiguration applyOverrides(ConfigurationOverrides overrides) {
            return new AppliedConfiguration(List.of(), overrides.values());
        }
    }
}
