package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskMetersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TaskMeters meters = new TaskMeters(registry);

    @Test
    void countsEndedOperationsByKindAndOutcome() {
        Task built = task(TaskKind.CREATE_INSTANCE);
        built.complete("done", NOW);
        Task failed = task(TaskKind.CREATE_INSTANCE);
        failed.fail("no room", NOW);
        Task cancelled = task(TaskKind.CREATE_CLUSTER);
        cancelled.startCancel("ALLOCATE", NOW);
        cancelled.cancelled(NOW);

        meters.finished(built);
        meters.finished(failed);
        meters.finished(cancelled);
        meters.finished(task(TaskKind.DELETE_INSTANCE));

        assertThat(operations("CREATE_INSTANCE", "succeeded")).isEqualTo(1);
        assertThat(operations("CREATE_INSTANCE", "failed")).isEqualTo(1);
        assertThat(operations("CREATE_CLUSTER", "cancelled")).isEqualTo(1);
        assertThat(registry.find(TaskMeters.OPERATIONS).tag("kind", "DELETE_INSTANCE").counters())
                .as("a task not ended").isEmpty();
    }

    @Test
    void timesStepsByKindAndNameWithAHistogram() {
        meters.stepTook(TaskKind.CREATE_INSTANCE, "ALLOCATE", Duration.ofSeconds(3));
        meters.stepTook(TaskKind.CREATE_INSTANCE, "ALLOCATE", Duration.ofSeconds(5));

        var timer = registry.get(TaskMeters.STEPS).tag("kind", "CREATE_INSTANCE").tag("step", "ALLOCATE").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(8.0);
    }

    @Test
    void publishesStepTimesAsAPrometheusHistogram() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new TaskMeters(prometheus).stepTook(TaskKind.CREATE_INSTANCE, "ALLOCATE", Duration.ofSeconds(3));

        assertThat(prometheus.scrape().lines()).as("percentile histogram buckets")
                .anyMatch(line -> line.startsWith("shoal_operation_step_seconds_bucket{kind=\"CREATE_INSTANCE\"")
                        && line.contains("step=\"ALLOCATE\"") && line.contains("le=\""));
    }

    @Test
    void tagsNameNoTaskTenantOrResource() {
        Task built = task(TaskKind.CREATE_INSTANCE);
        built.complete("done", NOW);
        meters.finished(built);
        meters.stepTook(TaskKind.CREATE_INSTANCE, "ALLOCATE", Duration.ofSeconds(1));

        Set<String> tags = registry.getMeters().stream().map(Meter::getId)
                .flatMap(id -> id.getTags().stream()).map(tag -> tag.getKey()).collect(Collectors.toSet());
        assertThat(tags).containsExactlyInAnyOrder("kind", "outcome", "step");
    }

    private double operations(String kind, String outcome) {
        return registry.get(TaskMeters.OPERATIONS).tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    private static Task task(TaskKind kind) {
        return new Task("tenant-1", kind, "instance", UUID.randomUUID(), null, "someone", NOW, Duration.ofHours(1));
    }
}
