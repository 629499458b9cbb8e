package dev.shoal.api.cluster;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.api.system.ColumnSizes;
import dev.shoal.datastore.DatastoreDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of cluster requests that need no database. Malformed fields are a 400; fields that are each fine but
 * disagree (size and nodes, num and allocations, a node type the datastore does not have) are a 422 naming all of
 * them.
 */
final class ClusterRules {

    static final int MAX_NAME_LENGTH = ColumnSizes.NAME;

    private ClusterRules() {
    }

    static ClusterRequests.CreateBody validate(ClusterRequests.Create request, int minVolumeGb, int maxVolumeGb,
                                               int maxSize) {
        if (request == null || request.cluster() == null) {
            throw ApiException.invalid("cluster", "is required");
        }
        ClusterRequests.CreateBody body = request.cluster().normalised();
        List<FieldProblem> problems = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            problems.add(new FieldProblem("cluster.name", "is required"));
        } else if (body.name().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("cluster.name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (body.datastore() == null || body.datastore().type() == null || body.datastore().type().isBlank()) {
            problems.add(new FieldProblem("cluster.datastore.type", "is required"));
        }
        if (body.flavorRef() == null || body.flavorRef().isBlank()) {
            problems.add(new FieldProblem("cluster.flavorRef", "is required"));
        }
        if (body.volume() == null || body.volume().size() == null) {
            problems.add(new FieldProblem("cluster.volume.size", "is required"));
        } else if (body.volume().size() < minVolumeGb || body.volume().size() > maxVolumeGb) {
            problems.add(new FieldProblem("cluster.volume.size", "must be between " + minVolumeGb + " and "
                    + maxVolumeGb + " GB"));
        }
        if (body.size() == null && body.nodes() == null) {
            problems.add(new FieldProblem("cluster.size", "is required (or list the nodes)"));
        } else if (body.size() != null && (body.size() < 1 || body.size() > maxSize)) {
            problems.add(new FieldProblem("cluster.size", "must be between 1 and " + maxSize));
        } else if (body.nodes() != null && (body.nodes().isEmpty() || body.nodes().size() > maxSize)) {
            problems.add(new FieldProblem("cluster.nodes", "must list between 1 and " + maxSize + " nodes"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (body.size() != null && body.nodes() != null && body.size() != body.nodes().size()) {
            throw ApiException.inconsistent("cluster.size is " + body.size() + " but cluster.nodes lists "
                    + body.nodes().size() + " nodes; they must agree", List.of(
                    new FieldProblem("cluster.size", "is " + body.size()),
                    new FieldProblem("cluster.nodes", "lists " + body.nodes().size() + " nodes")));
        }
        return body;
    }

    /**
     * Fills in defaults and checks each allocation against the datastore and the known regions.
     *
     * @param field the request field the allocations came from, for messages ({@code cluster.nodes})
     */
    static List<ClusterRequests.Allocation> allocations(List<ClusterRequests.Allocation> requested, int count,
                                                        String field, DatastoreDescriptor datastore,
                                                        Set<String> regions,
                                                        String defaultRegion) {
        List<ClusterRequests.Allocation> resolved = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClusterRequests.Allocation allocation = requested == null ? null : requested.get(i);
            String region = allocation == null || allocation.region() == null || allocation.region().isBlank()
                    ? defaultRegion : allocation.region().strip();
            String type = allocation == null || allocation.type() == null || allocation.type().isBlank()
                    ? DatastoreDescriptor.MEMBER : allocation.type().strip();
            if (!regions.contains(region)) {
                problems.add(new FieldProblem(field + "[" + i + "].region", "unknown region '" + region
                        + "'; one of " + regions.stream().sorted().toList()));
            }
            if (!datastore.hasNodeType(type)) {
                problems.add(new FieldProblem(field + "[" + i + "].type", "a " + datastore.displayName()
                        + " cluster's nodes are of type " + datastore.nodeTypes().stream().sorted().toList()
                        + ", not " + type));
            }
            resolved.add(new ClusterRequests.Allocation(region, type));
        }
        if (!problems.isEmpty()) {
            throw ApiException.inconsistent(problems.size() == 1 ? problems.get(0).field() + ": "
                    + problems.get(0).message() : problems.size() + " node allocations cannot be placed", problems);
        }
        return resolved;
    }
}
