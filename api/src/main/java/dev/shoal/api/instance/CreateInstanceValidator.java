package dev.shoal.api.instance;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ColumnSizes;
import dev.shoal.api.system.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** The checks that need no database: presence, lengths and ranges, all reported at once. */
final class CreateInstanceValidator {

    static final int MAX_NAME_LENGTH = ColumnSizes.NAME;

    private CreateInstanceValidator() {
    }

    static void validate(CreateInstanceRequest request, int minVolumeGb, int maxVolumeGb) {
        if (request == null || request.instance() == null) {
            throw ApiException.invalid("instance", "is required");
        }
        CreateInstanceRequest.Body body = request.instance();
        List<FieldProblem> problems = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            problems.add(new FieldProblem("instance.name", "is required"));
        } else if (body.name().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("instance.name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        boolean replica = body.replication() != null;
        boolean restore = body.restorePoint() != null;
        // a restored instance runs its backup's datastore version unless the request names it
        if (!replica && !restore
                && (body.datastore() == null || body.datastore().type() == null || body.datastore().type().isBlank())) {
            problems.add(new FieldProblem("instance.datastore.type", "is required"));
        }
        if (restore && (body.restorePoint().backupRef() == null || body.restorePoint().backupRef().isBlank())) {
            problems.add(new FieldProblem("instance.restorePoint.backupRef", "is required: the id of a backup"));
        }
        if (restore && replica) {
            problems.add(new FieldProblem("instance.restorePoint", "a replica is made from its master's data, not"
                    + " from a backup"));
        }
        if (!replica && (body.flavorRef() == null || body.flavorRef().isBlank())) {
            problems.add(new FieldProblem("instance.flavorRef", "is required"));
        }
        if (replica && (body.volume() == null || body.volume().size() == null)) {
            // a replica without a volume size gets its master's
        } else if (body.volume() == null || body.volume().size() == null) {
            problems.add(new FieldProblem("instance.volume.size", "is required"));
        } else if (body.volume().size() < minVolumeGb || body.volume().size() > maxVolumeGb) {
            problems.add(new FieldProblem("instance.volume.size", "must be between " + minVolumeGb + " and "
                    + maxVolumeGb + " GB"));
        }
        if (body.slave() != null && (body.slave().of() == null || body.slave().of().isBlank())) {
            problems.add(new FieldProblem("instance.slave.of", "is required: the id of the master"));
        }
        if (body.slave() != null && body.replicaOf() != null && !body.replicaOf().equals(body.slave().of())) {
            problems.add(new FieldProblem("instance.replica_of", "names another master than instance.slave.of"));
        }
        if (body.replicaCount() != null && !replica) {
            problems.add(new FieldProblem("instance.replica_count", "needs replica_of: the master to copy"));
        }
        if (body.access() != null) {
            body.access().requested(problems);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
