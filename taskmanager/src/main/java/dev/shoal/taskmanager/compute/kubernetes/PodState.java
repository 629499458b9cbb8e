package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.taskmanager.compute.ServerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A node's server status as its Pod shows it. The kubelet restarts a failed container (restart policy Always), so a
 * guest that is down is one waiting to be started again (CrashLoopBackOff) or just terminated, and a Pod being placed
 * or pulling its image is neither up nor given up.
 */
final class PodState {

    private PodState() {
    }

    /** @param pod the node's Pod, or null when it has none */
    static ServerStatus of(Pod pod, boolean nodeExists) {
        if (pod == null) {
            return nodeExists ? ServerStatus.SHUTOFF : ServerStatus.UNKNOWN;
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return ServerStatus.SHUTOFF;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            return ServerStatus.SHUTOFF;
        }
        if (!"Running".equals(phase)) {
            return ServerStatus.BUILD;
        }
        ContainerStatus guest = pod.getStatus().getContainerStatuses() == null ? null
                : pod.getStatus().getContainerStatuses().stream()
                        .filter(status -> NodeObjects.CONTAINER.equals(status.getName())).findFirst().orElse(null);
        if (guest == null || guest.getState() == null) {
            return ServerStatus.BUILD;
        }
        return guest.getState().getRunning() != null ? ServerStatus.ACTIVE : ServerStatus.SHUTOFF;
    }

    /** In words an operator can act on: the phase, and why the guest's container is not running. */
    static String describe(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return "no Pod";
        }
        StringBuilder words = new StringBuilder("phase ").append(pod.getStatus().getPhase());
        if (pod.getStatus().getConditions() != null) {
            pod.getStatus().getConditions().stream()
                    .filter(condition -> "False".equals(condition.getStatus()) && condition.getReason() != null)
                    .forEach(condition -> words.append(", ").append(condition.getType()).append(" false: ")
                            .append(condition.getReason()).append(condition.getMessage() == null ? ""
                                    : " (" + condition.getMessage() + ")"));
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
                words.append(", ").append(status.getName()).append(" restarted ").append(status.getRestartCount())
                        .append(" times");
                if (status.getState() != null && status.getState().getWaiting() != null) {
                    words.append(", waiting: ").append(status.getState().getWaiting().getReason());
                }
            }
        }
        return words.toString();
    }
}
