package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.DatastoreManager;
import org.junit.jupiter.api.Test;

/**
 * What every datastore's lifecycle does against its real server. A datastore's integration test implements it
 * beside its own tests, on one node it prepared once for the whole class: each test leaves that node serving.
 */
public interface DatastoreManagerContract {

    long GIB = 1024L * 1024 * 1024;

    /** The manager of the node the test prepared, serving. */
    DatastoreManager preparedManager();

    /** The prepare that made that node. */
    Prepare prepareRequest();

    /** A new manager of the same node, as the agent makes it again after it restarted. */
    DatastoreManager restartedAgentsManager();

    @Test
    default void aPreparedNodeServes() {
        assertThat(preparedManager().status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(preparedManager().statusDescription()).isNull();
    }

    @Test
    default void aPrepareSentAgainLeavesTheServingNodeAsItIs() throws Exception {
        preparedManager().prepare(prepareRequest());

        assertThat(preparedManager().status()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    default void refusesThePrepareOfAnotherDatastore() {
        Prepare request = prepareRequest();
        Prepare another = new Prepare("another-datastore", request.version(), request.memoryMb(),
                request.volumeSizeGb(), request.sealedRootPassword(), request.cluster(), request.overrides());

        assertThatThrownBy(() -> preparedManager().prepare(another)).hasMessageContaining("not another-datastore");
        assertThat(preparedManager().status()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    default void theVolumeGrowsButNeverShrinks() throws Exception {
        DatastoreManager manager = preparedManager();
        long before = manager.volumeTotalBytes();
        int grown = (int) (before / GIB) + 1;

        manager.resizeVolume(grown);

        assertThat(manager.volumeTotalBytes()).isEqualTo(grown * GIB);
        assertThatThrownBy(() -> manager.resizeVolume(grown - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot shrink");
        assertThat(manager.volumeTotalBytes()).isEqualTo(grown * GIB);
    }

    @Test
    default void aRestartedAgentAdoptsTheServingNode() throws Exception {
        DatastoreManager again = restartedAgentsManager();
        assertThat(again.status()).as("before it resumed").isEqualTo(ServiceStatus.NEW);

        again.resume();

        assertThat(again.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(preparedManager().status()).as("the same server, not a second one").isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    default void stopsOnRequestAndServesAgainAfterARestart() throws Exception {
        DatastoreManager manager = preparedManager();

        manager.stop();
        assertThat(manager.status()).isEqualTo(ServiceStatus.SHUTDOWN);
        assertThat(manager.statusDescription()).isEqualTo("stopped on request");

        manager.restart();
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
    }
}
