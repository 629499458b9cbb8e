package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.Composition;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.node.Node;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a datastore's composition rules allow of a cluster's membership, checked before anything is written: no
 * cluster loses its last node; beyond that, each datastore's descriptor says what its clusters keep (a member holding
 * data, a number of voters and arbiters, the replication factor, the master).
 */
@Component
class ClusterMembership {

    private final ApiProperties properties;

    ClusterMembership(ApiProperties properties) {
        this.properties = properties;
    }

    void checkComposition(DatastoreDescriptor datastore, List<ClusterRequests.Allocation> allocations,
                          String field) {
        Composition rules = datastore.composition();
        long arbiters = allocations.stream().filter(a -> DatastoreDescriptor.ARBITER.equals(a.type())).count();
        if (rules.keepsDataMember() && arbiters == allocations.size()) {
            throw ApiException.inconsistent(field + ": a " + datastore.displayName() + " cluster needs at least one"
                    + " member that holds data", List.of(new FieldProblem(field, "lists only arbiters")));
        }
        checkVoters(rules, allocations.size(), 0, field);
        checkArbiters(datastore, arbiters, field);
    }

    private static void checkVoters(Composition rules, int requested, int members, String field) {
        if (rules.maxVoters() > 0 && members + requested > rules.maxVoters()) {
            throw ApiException.inconsistent(field + ": a cluster of this datastore has at most " + rules.maxVoters()
                    + " voting members" + (members > 0 ? "; it has " + members : ""),
                    List.of(new FieldProblem(field, members > 0 ? "too many" : "lists " + requested)));
        }
    }

    private static void checkArbiters(DatastoreDescriptor datastore, long arbiters, String field) {
        int most = datastore.composition().maxArbiters();
        if (arbiters > most) {
            throw ApiException.inconsistent(field + ": a " + datastore.displayName() + " cluster has at most "
                    + (most == 1 ? "one arbiter" : most + " arbiters"),
                    List.of(new FieldProblem(field, arbiters + " arbiters")));
        }
    }

    /** The allocations of new nodes: as requested, or the cluster's one region when none are given. */
    List<ClusterRequests.Allocation> growth(ClusterRequests.AddNodes request, List<Node> members,
                                            DatastoreDescriptor datastore) {
        if (request == null || request.nodes() == null || request.nodes().num() == null) {
            throw ApiException.invalid("nodes.num", "is required");
        }
        int num = request.nodes().num();
        if (num < 1) {
            throw ApiException.invalid("nodes.num", "must be at least 1");
        }
        List<ClusterRequests.Allocation> requested = request.nodes().allocations();
        if (requested != null && requested.size() != num) {
            throw ApiException.inconsistent("nodes.num is " + num + " but nodes.allocations lists "
                    + requested.size() + "; they must agree", List.of(new FieldProblem("nodes.num", "is " + num),
                    new FieldProblem("nodes.allocations", "lists " + requested.size())));
        }
        Set<String> regions = members.stream().map(Node::getRegion).collect(Collectors.toSet());
        if (requested == null && regions.size() > 1) {
            throw ApiException.inconsistent("nodes.allocations is required: the cluster spans regions "
                    + regions.stream().sorted().toList(), List.of(new FieldProblem("nodes.allocations",
                    "is required when the cluster's nodes are in more than one region")));
        }
        String region = regions.isEmpty() ? properties.defaultRegion() : regions.iterator().next();
        List<ClusterRequests.Allocation> allocations = ClusterRules.allocations(requested, num, "nodes.allocations",
                datastore, Set.copyOf(properties.regions()), region);
        checkVoters(datastore.composition(), num, members.size(), "nodes.num");
        checkArbiters(datastore, members.stream().filter(n -> DatastoreDescriptor.ARBITER.equals(n.getType())).count()
                + allocations.stream().filter(a -> DatastoreDescriptor.ARBITER.equals(a.type())).count(),
                "nodes.allocations");
        return allocations;
    }

    void checkRemoval(DatastoreDescriptor datastore, List<Node> members, Node leaving) {
        if (members.size() <= 1) {
            throw ApiException.conflict("node " + leaving.getId() + " is the cluster's last node; delete the cluster"
                    + " instead");
        }
        Composition rules = datastore.composition();
        if (rules.keepsDataMember() && !DatastoreDescriptor.ARBITER.equals(leaving.getType())
                && members.stream().filter(n -> !DatastoreDescriptor.ARBITER.equals(n.getType())).count() <= 1) {
            throw ApiException.conflict("node " + leaving.getId() + " is the cluster's last member that holds data");
        }
        if (rules.keepsReplicationFactor() && members.size() - 1 < properties.replicationFactor()) {
            throw ApiException.conflict("removing node " + leaving.getId() + " would leave " + (members.size() - 1)
                    + " nodes, below the replication factor of " + properties.replicationFactor()
                    + "; add a node first");
        }
        if (rules.keepsMaster()) {
            refuseMaster(members, leaving, "removed");
        }
    }

    void checkReplacement(DatastoreDescriptor datastore, List<Node> members, Node old) {
        if (datastore.composition().keepsMaster()) {
            refuseMaster(members, old, "replaced");
        }
    }

    private static void refuseMaster(List<Node> members, Node node, String what) {
        if (node.hasRole(Role.MASTER) && members.size() > 1) {
            throw ApiException.conflict("node " + node.getId() + " is the master of the cluster and cannot be "
                    + what + " while it has replicas");
        }
    }
}
