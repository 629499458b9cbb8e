package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.domain.leader.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The kubelet restarts a node's failed container by itself; what it never makes again is a Pod that is gone (fenced,
 * evicted, deleted by hand). Once an interval the task managers' leader makes those again, and logs what the Pods
 * that do not run say (a container the kubelet keeps restarting, a Pod no node can take).
 */
public class KubernetesGuestKeeper {

    private static final Logger log = LoggerFactory.getLogger(KubernetesGuestKeeper.class);

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
            driver.unwell().forEach((nodeId, seen) -> log.warn("node {}: its Pod does not run: {}", nodeId, seen));
        }
    }
}
