package dev.shoal.api.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import dev.shoal.domain.task.TaskKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationFilterTest {

    @Test
    void readsEachParameterAndLeavesOutWhatWasNotAskedFor() {
        UUID resource = UUID.randomUUID();
        assertThat(OperationFilter.of(resource.toString(), "queued", "create_instance"))
                .isEqualTo(new OperationFilter(resource, OperationState.QUEUED, TaskKind.CREATE_INSTANCE));
        assertThat(OperationFilter.of(null, null, null)).isEqualTo(new OperationFilter(null, null, null));
    }

    @Test
    void aValueThatNamesNothingIsRefusedNamingItsParameter() {
        assertThatThrownBy(() -> OperationFilter.of("not-an-id", null, null)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).fields().get(0).field()).isEqualTo("resource_id");
        assertThatThrownBy(() -> OperationFilter.of(null, "COMPLETED", null))
                .extracting(e -> ((ApiException) e).fields().get(0).field()).isEqualTo("state");
        assertThatThrownBy(() -> OperationFilter.of(null, null, "REBOOT"))
                .extracting(e -> ((ApiException) e).fields().get(0).field()).isEqualTo("kind");
    }
}
