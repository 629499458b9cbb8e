package dev.shoal.contracts.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * What a delete found as it began, for a cancel of it to go back to.
 *
 * @param stoppedOperations the operations then still running on its resource: they end at their next step and cannot
 *                          be resumed, so a delete that stopped any cannot be cancelled (what it stopped would stay
 *                          half done)
 * @param previousTask      the node's task before the delete (an error it showed, a restart still required), which a
 *                          cancelled delete gives back
 */
public record DeleteParameters(
        @JsonProperty("stopped_operations") List<UUID> stoppedOperations,
        @JsonProperty("previous_task") String previousTask,
        @JsonProperty("previous_task_description") String previousTaskDescription) {

    public DeleteParameters {
        stoppedOperations = stoppedOperations == null ? List.of() : List.copyOf(stoppedOperations);
    }

    public boolean stoppedAny() {
        return !stoppedOperations.isEmpty();
    }
}
