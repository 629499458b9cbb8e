package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * What a promotion or an ejection keeps in its task row, so a resumed task picks up where it stood: the set's
 * master, the replica taking over (chosen by the task itself for an ejection), the replicas that are to follow
 * it, the master's last transaction the candidate waits for, and, once the candidate took over, where the others
 * follow it from (its password sealed for the candidate). A failover also keeps what was seen that started it, and
 * whether the old master's guest was heard since (then it is fenced through its guest).
 */
record SwitchoverParameters(UUID oldMaster, UUID candidate, List<UUID> replicas, String latestTxnId,
                            ReplicationSnapshot source, String seen, Boolean masterGuestHeard) {

    SwitchoverParameters {
        replicas = List.copyOf(replicas);
    }

    SwitchoverParameters(UUID oldMaster, UUID candidate, List<UUID> replicas, String latestTxnId,
                         ReplicationSnapshot source) {
        this(oldMaster, candidate, replicas, latestTxnId, source, null, null);
    }

    SwitchoverParameters withCandidate(UUID chosen) {
        return new SwitchoverParameters(oldMaster, chosen, replicas.stream().filter(id -> !id.equals(chosen))
                .toList(), latestTxnId, source, seen, masterGuestHeard);
    }

    /** Only these replicas follow the new master; the others stay as they are. */
    SwitchoverParameters following(java.util.Collection<UUID> followers) {
        return new SwitchoverParameters(oldMaster, candidate, replicas.stream().filter(followers::contains).toList(),
                latestTxnId, source, seen, masterGuestHeard);
    }

    SwitchoverParameters withLatestTxnId(String txnId) {
        return new SwitchoverParameters(oldMaster, candidate, replicas, txnId, source, seen, masterGuestHeard);
    }

    SwitchoverParameters withSource(ReplicationSnapshot taken) {
        return new SwitchoverParameters(oldMaster, candidate, replicas, latestTxnId, taken, seen, masterGuestHeard);
    }
}
