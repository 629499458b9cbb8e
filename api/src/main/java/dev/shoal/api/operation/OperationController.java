package dev.shoal.api.operation;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.NoArguments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Every task as an operation the client can follow; the answers that start one point here. */
@RestController
@RequestMapping("/v1.0/{tenantId}/operations")
class OperationController {

    private final OperationQueries operations;
    private final OperationCancels cancels;

    OperationController(OperationQueries operations, OperationCancels cancels) {
        this.operations = operations;
        this.cancels = cancels;
    }

    @GetMapping
    @Operation(summary = "A tenant's operations, newest first")
    OperationPage list(@PathVariable String tenantId,
                       @Parameter(description = "the id of the instance, cluster, backup or configuration worked on")
                       @RequestParam(name = "resource_id", required = false) String resourceId,
                       @Parameter(description = "QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLING or CANCELLED")
                       @RequestParam(required = false) String state,
                       @Parameter(description = "the kind of task, such as CREATE_INSTANCE or GROW_CLUSTER")
                       @RequestParam(required = false) String kind,
                       @RequestParam(required = false) Integer limit,
                       @Parameter(description = "the id of the last operation of the previous page")
                       @RequestParam(required = false) String marker) {
        OperationQueries.Page page = operations.page(tenantId, OperationFilter.of(resourceId, state, kind), limit,
                marker);
        List<Links.Link> links = page.nextMarker() == null ? List.of() : List.of(new Links.Link(
                ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("marker", page.nextMarker())
                        .toUriString(), "next"));
        return new OperationPage(page.operations(), links);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operation: its steps, progress and, when failed, why and what to do")
    Map<String, OperationView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("operation", operations.show(tenantId, id));
    }

    @PostMapping("/{id}/action")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancels the operation: it stops at its next safe point and undoes what it added",
            description = "{\"cancel\": {}}. 409 when the operation ended, cannot be cancelled, or is past its point"
                    + " of no return (the answer names the step).")
    Map<String, OperationView> act(@PathVariable String tenantId, @PathVariable UUID id,
                                   @RequestBody OperationAction body) {
        if (body.cancel() == null) {
            throw ApiException.invalid("cancel", "the only action on an operation is cancel: {\"cancel\": {}}");
        }
        return Map.of("operation", cancels.cancel(tenantId, id));
    }

    /** An operation's action body; {@code cancel} is the only action. */
    @Schema(name = "OperationActionRequest")
    record OperationAction(NoArguments cancel) {
    }

    /** A page of operations, with a {@code next} link carrying the marker when more follow. */
    record OperationPage(List<OperationView> operations, List<Links.Link> links) {
    }
}
