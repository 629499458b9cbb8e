package dev.shoal.api.secgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestedAccessTest {

    private static final Cidr ANY = Cidr.parse("0.0.0.0/0").cidr();

    @Test
    void theAllowedCidrsAreTheRulesWhateverIsPublicSays() {
        RequestedAccess access = RequestedAccess.fromBody("instance.access",
                Map.of("is_public", false, "allowed_cidrs", List.of("10.0.0.0/8", "2001:DB8::/32")));

        assertThat(access.rules(false, ANY)).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(access.isPublic()).isFalse();
    }

    @Test
    void withoutCidrsPublicAdmitsTheDefaultAndPrivateNobody() {
        assertThat(RequestedAccess.DEFAULT.rules(true, ANY)).containsExactly(ANY);
        assertThat(RequestedAccess.fromBody("a", Map.of("is_public", true)).rules(true, ANY)).containsExactly(ANY);
        assertThat(RequestedAccess.fromBody("a", Map.of("is_public", false)).rules(false, ANY)).isEmpty();
        assertThat(RequestedAccess.fromBody("a", Map.of("is_public", true, "allowed_cidrs", List.of()))
                .rules(true, ANY)).as("an empty list is no list").containsExactly(ANY);
    }

    @Test
    void everyBadCidrIsNamedByItsIndex() {
        assertThatThrownBy(() -> RequestedAccess.fromBody("instance.access",
                Map.of("allowed_cidrs", List.of("10.0.0.0/8", "10.0.0.1/8", "nonsense", "10.0.0.0/8"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                        .extracting(ApiException.FieldProblem::field).containsExactly(
                                "instance.access.allowed_cidrs[1]", "instance.access.allowed_cidrs[2]",
                                "instance.access.allowed_cidrs[3]"));
    }

    @Test
    void refusesWrongTypesUnknownKeysAndEmptyAccess() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_public", "yes");
        body.put("allowed_cidrs", "10.0.0.0/8");
        body.put("public", true);
        assertThatThrownBy(() -> RequestedAccess.fromBody("instance.access", body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                        .extracting(ApiException.FieldProblem::field).containsExactlyInAnyOrder(
                                "instance.access.public", "instance.access.is_public",
                                "instance.access.allowed_cidrs"));
        assertThatThrownBy(() -> RequestedAccess.fromBody("instance.access", Map.of()))
                .hasMessageContaining("needs is_public or allowed_cidrs");
        assertThatThrownBy(() -> RequestedAccess.fromBody("instance.access", "public"))
                .hasMessageContaining("must be an object");
        assertThatThrownBy(() -> RequestedAccess.fromBody("instance.access",
                Map.of("allowed_cidrs", Collections.nCopies(51, "10.0.0.0/8"))))
                .hasMessageContaining("at most 50");
    }

    @Test
    void aCreateRequestsProblemsAreAddedUnderItsField() {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        RequestedAccess.of("instance.access", null, List.of("10.0.0.0/33"), problems);

        assertThat(problems).extracting(ApiException.FieldProblem::field)
                .containsExactly("instance.access.allowed_cidrs[0]");
    }
}
