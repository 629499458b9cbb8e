package dev.shoal.api.backup;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ColumnSizes;
import dev.shoal.api.system.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a backup request that need no database, every problem at once: malformed fields are a 400, what
 * Trove offers and Shoal does not (incremental backups, Swift, importing a backup) a 422 naming the field.
 */
final class BackupRules {

    static final int MAX_NAME_LENGTH = ColumnSizes.NAME;
    static final int MAX_DESCRIPTION_LENGTH = ColumnSizes.DESCRIPTION;

    private BackupRules() {
    }

    static CreateBackupRequest.Body validate(CreateBackupRequest request) {
        if (request == null || request.backup() == null) {
            throw ApiException.invalid("backup", "is required");
        }
        CreateBackupRequest.Body body = request.backup();
        List<FieldProblem> invalid = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            invalid.add(new FieldProblem("backup.name", "is required"));
        } else if (body.name().length() > MAX_NAME_LENGTH) {
            invalid.add(new FieldProblem("backup.name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (body.description() != null && body.description().length() > MAX_DESCRIPTION_LENGTH) {
            invalid.add(new FieldProblem("backup.description", "must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters"));
        }
        if (body.instance() == null || body.instance().isBlank()) {
            invalid.add(new FieldProblem("backup.instance", "is required: the id of the instance to back up"));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        List<FieldProblem> unoffered = new ArrayList<>();
        if (body.parentId() != null || isSet(body.incremental())) {
            unoffered.add(new FieldProblem(body.parentId() != null ? "backup.parent_id" : "backup.incremental",
                    "incremental backups are not offered; every backup is a full one"));
        }
        if (body.swiftContainer() != null) {
            unoffered.add(new FieldProblem("backup.swift_container",
                    "backups are kept in the deployment's backup store, not in Swift"));
        }
        if (body.restoreFrom() != null && !body.restoreFrom().isNull()) {
            unoffered.add(new FieldProblem("backup.restore_from", "backups are taken of this deployment's"
                    + " instances; one written elsewhere cannot be imported"));
        }
        if (!unoffered.isEmpty()) {
            throw ApiException.inconsistent(unoffered.get(0).field() + ": " + unoffered.get(0).message(),
                    unoffered);
        }
        return body;
    }

    /** Trove's clients send an instance's id; its link names the same instance. */
    static UUID instanceId(String reference) {
        String ref = reference.strip();
        return uuid(ref.substring(ref.lastIndexOf('/') + 1), "backup.instance", "the id of an instance");
    }

    static UUID uuid(String value, String field, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be " + what);
        }
    }

    /** python-troveclient sends {@code "incremental": 0}; 1, true or "1" ask for an incremental backup. */
    private static boolean isSet(JsonNode incremental) {
        if (incremental == null || incremental.isNull()) {
            return false;
        }
        if (incremental.isBoolean()) {
            return incremental.asBoolean();
        }
        if (incremental.isNumber()) {
            return incremental.asInt() != 0;
        }
        if (incremental.isString()) {
            String text = incremental.stringValue().strip();
            return !text.isEmpty() && !text.equals("0") && !text.equalsIgnoreCase("false");
        }
        return true;
    }
}
