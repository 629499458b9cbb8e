package dev.shoal.api.secgroup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Trove's {@code access} of an instance, from its node's security group; {@code enforcement} says whether the
 * compute driver applies the rules ({@code ENFORCED}), only records them ({@code NOT_ENFORCED}), is about to
 * ({@code PENDING}) or could not ({@code FAILED}); the group shows why.
 */
public record AccessView(@JsonProperty("is_public") boolean isPublic,
                         @JsonProperty("allowed_cidrs") List<String> allowedCidrs, String enforcement) {
}
