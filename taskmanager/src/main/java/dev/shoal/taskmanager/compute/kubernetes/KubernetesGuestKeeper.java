package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.domain.leader.Leadership;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The kubelet restarts a node's failed container by itself; what it never makes again is a Pod that is gone (fenced,
 * evicted, deleted by hand). Once an interval the task managers' leader makes those again.
 */
public class KubernetesGuestKeeper {

    private final KubernetesComputeDriver driver;
    private final Leadership leadership;

    public KubernetesGuestKeeper(KubernetesComputeDriver driver, Leadership leadership) {
        this.driver = driver;
        this.leadership = leadership;
    }

    @Scheduled(initialDelayString = "${shoal.compute.kubernetes.keep-interval:10s}",
            fixedDelayString = "${shoal.compute.kubernetes.keep-interval:10s}")
    void keep() {
        if (leadership.leads()) {
            driver.restartLostPods();
        }
    }
}
