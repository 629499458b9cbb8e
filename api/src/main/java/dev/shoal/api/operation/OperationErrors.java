package dev.shoal.api.operation;

import dev.shoal.domain.task.TaskFailures;
import dev.shoal.domain.task.TaskKind;

/** Why an operation failed, as a stable code, and what the client can do about it. */
final class OperationErrors {

    private OperationErrors() {
    }

    enum Code {
        /** The operation ran past its deadline at {@code step}. */
        DEADLINE_EXCEEDED,
        /** The step {@code step} failed; {@code reason} says why. */
        STEP_FAILED,
        /** What the failed operation had done could not all be undone: resources may be left behind. */
        UNDO_FAILED
    }

    /**
     * @param error the task's error
     * @param step  the step that failed, or the one the task stood at
     */
    static OperationView.Error of(TaskKind kind, String targetType, String error, String step) {
        Code code = TaskFailures.isUndoFailed(error) ? Code.UNDO_FAILED
                : TaskFailures.isDeadlineExceeded(error) ? Code.DEADLINE_EXCEEDED : Code.STEP_FAILED;
        return new OperationView.Error(code.name(), step, error, remediation(code, kind, targetType, step));
    }

    static String remediation(Code code, TaskKind kind, String targetType, String step) {
        if (code == Code.UNDO_FAILED) {
            return "What the operation added could not all be removed: delete the " + targetType
                    + " to release what is left.";
        }
        if (code == Code.DEADLINE_EXCEEDED && step != null && step.startsWith("AWAIT")) {
            return "cluster".equals(targetType)
                    ? "A node did not report in time: look at its guest.log, then replace the node."
                    : "The node did not report in time: look at its guest.log, then replace the node (delete the "
                            + targetType + " and create it again).";
        }
        return retry(kind, targetType);
    }

    private static String retry(TaskKind kind, String targetType) {
        return switch (kind) {
            case CREATE_INSTANCE -> "Delete the instance and create it again.";
            case CREATE_CLUSTER -> "Delete the cluster and create it again.";
            case CREATE_REPLICAS -> "Delete the replicas that did not start and create them again.";
            case GROW_CLUSTER -> "Shrink the cluster by the nodes that did not join, then grow it again.";
            case REPLACE_CLUSTER_NODE -> "Replace the node again; if it fails again, look at the new node's"
                    + " guest.log.";
            case CREATE_BACKUP -> "Delete the failed backup and take another.";
            case DELETE_INSTANCE, DELETE_CLUSTER, DELETE_BACKUP -> "Delete the " + targetType + " again.";
            case RESTART_INSTANCE, RESTART_CLUSTER -> "Restart the " + targetType + " again; if it fails again,"
                    + " look at the nodes' guest.log.";
            case APPLY_CONFIGURATION, APPLY_CLUSTER_CONFIGURATION -> "Check the configuration group's values,"
                    + " then attach it again.";
            default -> "Check the " + targetType + "'s status and fault, then repeat the request.";
        };
    }
}
