package dev.shoal.taskmanager.compute;

import dev.shoal.domain.leader.Leadership;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's guest agent running: once a heartbeat interval, the task managers' leader starts again a guest
 * that is gone while its node exists, so that a node is back within two intervals of losing its guest. One task
 * manager at a time does it; they share the work directory.
 */
@Component
@ConditionalOnProperty(name = "shoal.compute.driver", havingValue = "local", matchIfMissing = true)
class LocalGuestKeeper {

    private final LocalProcessComputeDriver driver;
    private final Leadership leadership;

    LocalGuestKeeper(LocalProcessComputeDriver driver, Leadership leadership) {
        this.driver = driver;
        this.leadership = leadership;
    }

    @Scheduled(initialDelayString = "${shoal.compute.local.heartbeat-interval:10s}",
            fixedDelayString = "${shoal.compute.local.heartbeat-interval:10s}")
    void keep() {
        if (leadership.leads()) {
            driver.restartLostGuests();
        }
    }
}
