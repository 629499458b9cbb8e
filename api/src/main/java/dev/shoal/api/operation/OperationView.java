package dev.shoal.api.operation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.Links;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A task as clients follow it: what it works on, its steps, how far it got, and when failed why and what to do.
 * Times are RFC 3339 in UTC; {@code started}, {@code finished} and {@code error} are absent until they are known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OperationView(
        UUID id,
        String kind,
        Target target,
        @Schema(allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLING", "CANCELLED"},
                description = "CANCELLING and CANCELLED are reserved: nothing cancels an operation yet")
        String state,
        /** Empty for operations started before steps were recorded. */
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Step> steps,
        Progress progress,
        String created,
        String started,
        String deadline,
        String finished,
        @Schema(description = "the name of the token whose request started it, or 'shoal' for Shoal's own work")
        @JsonProperty("requested_by") String requestedBy,
        Error error,
        List<Links.Link> links) {

    /** The resource the operation works on: an instance, cluster, backup or configuration. */
    @Schema(name = "OperationTarget")
    record Target(String type, UUID id, List<Links.Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OperationStep")
    record Step(String name, String description,
                @Schema(allowableValues = {"PENDING", "RUNNING", "DONE", "FAILED"}) String state,
                String started, String finished, String message) {
    }

    /** {@code done} of {@code total} planned steps; both absent when its steps were not recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OperationProgress")
    record Progress(int percent, Integer done, Integer total) {
    }

    @Schema(name = "OperationError")
    record Error(@Schema(allowableValues = {"DEADLINE_EXCEEDED", "STEP_FAILED", "UNDO_FAILED"}) String code,
                 String step, String reason, String remediation) {
    }
}
