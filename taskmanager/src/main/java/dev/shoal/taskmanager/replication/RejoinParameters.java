package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.UUID;

/**
 * What a rejoin keeps in its task row: the old master that came back, the master of its set now, and where it
 * follows that one from once asked.
 */
record RejoinParameters(UUID oldMaster, UUID master, ReplicationSnapshot source) {

    RejoinParameters withSource(ReplicationSnapshot taken) {
        return new RejoinParameters(oldMaster, master, taken);
    }
}
