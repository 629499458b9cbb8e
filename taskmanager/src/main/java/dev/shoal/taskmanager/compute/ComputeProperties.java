package dev.shoal.taskmanager.compute;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which compute driver places nodes; a value that names none stops the task manager at start with the binding error.
 *
 * @param driver {@code local} or {@code kubernetes}
 */
@Validated
@ConfigurationProperties("shoal.compute")
public record ComputeProperties(@NotNull @DefaultValue("local") ComputeDriverKind driver) {
}
