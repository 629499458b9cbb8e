package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.domain.node.Node;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What each datastore allows of a cluster's membership, checked before anything is written: a MongoDB replica set
 * keeps a data-bearing member and at most seven voters, a Cassandra ring keeps as many nodes as its replication
 * factor, a MySQL cluster keeps its master (the first node), and no cluster loses its last node.
 */
@Component
class ClusterMembership {

    static final int MAX_MONGODB_VOTERS = 7;

    private final ApiProperties properties;

    ClusterMembership(ApiProperties properties) {
        this.properties = properties;
    }

    void checkComposition(String manager, List<ClusterRequests.Allocation> allocations, String field) {
        if (!ClusterRules.MONGODB.equals(manager)) {
            return;
        }
        if (allocations.stream().allMatch(a -> ClusterMember.TYPE_ARBITER.equals(a.type()))) {
            throw ApiException.inconsistent(field + ": a replica set needs at least one member that holds data",
                    List.of(new FieldProblem(field, "lists only arbiters")));
        }
        if (allocations.size() > MAX_MONGODB_VOTERS) {
            throw ApiException.inconsistent(field + ": a replica set has at most " + MAX_MONGODB_VOTERS
                    + " voting members", List.of(new FieldProblem(field, "lists " + allocations.size())));
        }
        checkArbiters(allocations.stream().filter(a -> ClusterMember.TYPE_ARBITER.equals(a.type())).count(), field);
    }

    /**
     * One arbiter at most, as MongoDB advises: a second one adds a vote that holds no data, so a majority can be
     * reached that has lost writes (and MongoDB refuses to add arbiters without a majority write concern anyway).
     */
    private static void checkArbiters(long arbiters, String field) {
        if (arbiters > 1) {
            throw ApiException.inconsistent(field + ": a replica set has at most one arbiter",
                    List.of(new FieldProblem(field, arbiters + " arbiters")));
        }
    }

    /** The allocations of new nodes: as requested, or the cluster's one region when none are given. */
    List<ClusterRequests.Allocation> growth(ClusterRequests.AddNodes request, List<Node> members, String manager) {
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
                manager, Set.copyOf(properties.regions()), region);
        if (ClusterRules.MONGODB.equals(manager) && members.size() + num > MAX_MONGODB_VOTERS) {
            throw ApiException.inconsistent("nodes.num: a replica set has at most " + MAX_MONGODB_VOTERS
                    + " voting members; it has " + members.size(), List.of(new FieldProblem("nodes.num", "too many")));
        }
        if (ClusterRules.MONGODB.equals(manager)) {
            checkArbiters(members.stream().filter(n -> ClusterMember.TYPE_ARBITER.equals(n.getType())).count()
                    + allocations.stream().filter(a -> ClusterMember.TYPE_ARBITER.equals(a.type())).count(),
                    "nodes.allocations");
        }
        return allocations;
    }

    void checkRemoval(String manager, List<Node> members, Node leaving) {
        if (members.size() <= 1) {
            throw ApiException.conflict("node " + leaving.getId() + " is the cluster's last node; delete the cluster"
                    + " instead");
        }
        switch (manager) {
            case ClusterRules.MONGODB -> {
                long dataMembers = members.stream().filter(n -> !ClusterMember.TYPE_ARBITER.equals(n.getType()))
                        .count();
                if (!ClusterMember.TYPE_ARBITER.equals(leaving.getType()) && dataMembers <= 1) {
                    throw ApiException.conflict("node " + leaving.getId() + " is the replica set's last member that"
                            + " holds data");
                }
            }
            case "cassandra" -> {
                if (members.size() - 1 < properties.cassandraReplicationFactor()) {
                    throw ApiException.conflict("removing node " + leaving.getId() + " would leave "
                            + (members.size() - 1) + " nodes, below the replication factor of "
                            + properties.cassandraReplicationFactor() + "; add a node first");
                }
            }
            case "mysql" -> refuseMaster(members, leaving, "removed");
            default -> {
            }
        }
    }

    void checkReplacement(String manager, List<Node> members, Node old) {
        if ("mysql".equals(manager)) {
            refuseMaster(members, old, "replaced");
        }
    }

    private static void refuseMaster(List<Node> members, Node node, String what) {
        if (members.get(0).getId().equals(node.getId())) {
            throw ApiException.conflict("node " + node.getId() + " is the master of the cluster and cannot be "
                    + what + " while it has replicas");
        }
    }
}
