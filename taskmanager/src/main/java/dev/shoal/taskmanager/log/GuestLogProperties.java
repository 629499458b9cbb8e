package dev.shoal.taskmanager.log;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds of a published datastore log: what one publish hands over and how many parts a log keeps.
 *
 * @param partBytes the most one publish takes of a log, its newest bytes: older ones beyond are skipped
 * @param keptParts the parts a log keeps; a publish beyond them removes the oldest
 */
@Validated
@ConfigurationProperties("shoal.logs")
public record GuestLogProperties(
        @Min(1024) @Max(16 * 1024 * 1024) @DefaultValue("1048576") int partBytes,
        @Min(1) @Max(1000) @DefaultValue("16") int keptParts) {
}
