package dev.shoal.api.secgroup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Trove's body: {@code {"security_group_rule": {"group_id", "cidr"}}}. */
record CreateRuleRequest(@JsonProperty("security_group_rule") Body rule) {

    @Schema(name = "CreateRuleBody")
    record Body(@JsonProperty("group_id") String groupId, String cidr) {
    }
}
