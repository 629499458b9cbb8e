package dev.shoal.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import dev.shoal.datastore.Datastores;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    private static final Set<String> REGIONS = Set.of("west", "east");

    @Test
    void allocationsDefaultToTheDefaultRegionAndDataBearingMembers() {
        assertThat(ClusterRules.allocations(null, 2, "cluster.nodes", Datastores.descriptor("cassandra"), REGIONS, "west"))
                .containsExactly(new ClusterRequests.Allocation("west", "member"),
                        new ClusterRequests.Allocation("west", "member"));
    }

    @Test
    void arbitersAreForMongodbOnly() {
        List<ClusterRequests.Allocation> requested = List.of(new ClusterRequests.Allocation("east", "arbiter"));
        assertThat(ClusterRules.allocations(requested, 1, "nodes.allocations", Datastores.descriptor("mongodb"), REGIONS, "west"))
                .containsExactly(new ClusterRequests.Allocation("east", "arbiter"));
        assertThatThrownBy(() -> ClusterRules.allocations(requested, 1, "nodes.allocations", Datastores.descriptor("mysql"), REGIONS,
                "west")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                .extracting(ApiException.FieldProblem::field).containsExactly("nodes.allocations[0].type"));
    }

    @Test
    void everyUnknownRegionIsNamed() {
        List<ClusterRequests.Allocation> requested = List.of(new ClusterRequests.Allocation("mars", null),
                new ClusterRequests.Allocation("west", null), new ClusterRequests.Allocation("moon", "witness"));
        assertThatThrownBy(() -> ClusterRules.allocations(requested, 3, "cluster.nodes", Datastores.descriptor("cassandra"), REGIONS,
                "west")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields())
                .extracting(ApiException.FieldProblem::field)
                .containsExactly("cluster.nodes[0].region", "cluster.nodes[2].region", "cluster.nodes[2].type"));
    }

    @Test
    void sizeAloneOrNodesAloneIsEnoughButBothMustAgree() {
        ClusterRules.validate(create(3, null), 1, 10, 9);
        ClusterRules.validate(create(null, List.of(new ClusterRequests.Allocation(null, null))), 1, 10, 9);
        assertThatThrownBy(() -> ClusterRules.validate(create(2, List.of(new ClusterRequests.Allocation(null, null))),
                1, 10, 9)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value())
                .isEqualTo(422));
        assertThatThrownBy(() -> ClusterRules.validate(create(10, null), 1, 10, 9))
                .hasMessageContaining("cluster.size");
    }

    private static ClusterRequests.Create create(Integer size, List<ClusterRequests.Allocation> nodes) {
        return new ClusterRequests.Create(new ClusterRequests.CreateBody("c", new ClusterRequests.Datastore("mysql",
                null), null, "1", new ClusterRequests.Volume(1), size, nodes, null, null));
    }
}
