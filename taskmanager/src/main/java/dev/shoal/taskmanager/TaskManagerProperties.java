package dev.shoal.taskmanager;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval        how often a waiting step looks again (never a fixed sleep: it also checks the deadline)
 * @param leaseDuration       how long a claimed task stays ours without renewal; after it another task manager resumes it
 * @param scanInterval        how often open tasks nobody holds are looked for (resumes work after a crash)
 * @param guestCallTimeoutLow timeout of quick guest calls (stop_db, enable_root)
 * @param guestCallTimeoutHigh timeout of slow guest calls (restart)
 * @param guestCallTimeoutBackup timeout of a guest writing a backup ({@code create_backup})
 * @param workers             tasks run at once
 * @param remoteWorkers       compute driver and broker calls run at once, outside the steps that asked them
 * @param maxDeliveryAttempts attempts at a message before it goes to the dead-letter queue
 * @param statusNotifications whether a step waiting on a node's status is woken by PostgreSQL's notification of its
 *                            change; without, it looks again every poll interval
 */
@Validated
@ConfigurationProperties("shoal.taskmanager")
public record TaskManagerProperties(
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("60s") Duration leaseDuration,
        @NotNull @DefaultValue("5s") Duration scanInterval,
        @NotNull @DefaultValue("15s") Duration guestCallTimeoutLow,
        @NotNull @DefaultValue("180s") Duration guestCallTimeoutHigh,
        @NotNull @DefaultValue("1800s") Duration guestCallTimeoutBackup,
        @Min(1) @DefaultValue("8") int workers,
        @Min(1) @DefaultValue("8") int remoteWorkers,
        @DefaultValue("3") int maxDeliveryAttempts,
        @DefaultValue("true") boolean statusNotifications) {
}
