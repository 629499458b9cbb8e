package dev.shoal.domain.backup;

import java.util.UUID;

/** What the create task of an instance built from a backup keeps in its row: the backup, as the API named it. */
public record RestoreParameters(UUID restoreFrom) {
}
