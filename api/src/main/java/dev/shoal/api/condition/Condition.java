package dev.shoal.api.condition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One observation of a set or cluster, as Kubernetes and Strimzi shape status: always of positive polarity (the
 * healthy state is {@code True}), with a stable CamelCase {@code reason} a client may switch on and a message for
 * people.
 *
 * @param lastTransitionTime when the condition took its status, as best known, in ISO-8601 UTC ({@code ...Z}, not
 *                           Trove's zoneless form: conditions are not Trove's); absent when nothing recorded it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Condition")
public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {

    static Condition holds(String type, String reason, String message, Instant since) {
        return new Condition(type, "True", reason, message, iso(since));
    }

    static Condition fails(String type, String reason, String message, Instant since) {
        return new Condition(type, "False", reason, message, iso(since));
    }

    private static String iso(Instant since) {
        return since == null ? null : since.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
