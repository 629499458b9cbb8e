package dev.shoal.api.operation;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.domain.task.TaskKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * What a list of operations is narrowed to; each part is null when not asked for.
 *
 */
record OperationFilter(UUID resourceId, OperationState state, TaskKind kind) {

    /** Reads the query's parameters; a value that names nothing is a 400 naming its parameter. */
    static OperationFilter of(String resourceId, String state, String kind) {
        return new OperationFilter(resourceId == null ? null : resource(resourceId),
                state == null ? null : named(OperationState.class, "state", state),
                kind == null ? null : named(TaskKind.class, "kind", kind));
    }

    private static UUID resource(String text) {
        return Uuids.parse(text.strip())
                .orElseThrow(() -> ApiException.invalid("resource_id", "must be the id of a resource"));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String parameter, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.invalid(parameter, "must be one of " + Arrays.toString(
                        type.getEnumConstants())));
    }
}
