package dev.shoal.api.condition;

import dev.shoal.domain.failover.FailoverProperties;
import dev.shoal.domain.failover.FailoverRule;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A replication set's conditions now, judged by the failover rule the task managers act on. */
@Component
class ReplicationSetConditions {

    private final FailoverRule rule;
    private final FailoverProperties failover;
    private final ServiceStatusRepository statuses;
    private final Clock clock;

    ReplicationSetConditions(FailoverRule rule, FailoverProperties failover, ServiceStatusRepository statuses,
                             Clock clock) {
        this.rule = rule;
        this.failover = failover;
        this.statuses = statuses;
        this.clock = clock;
    }

    List<Condition> of(InstanceSet set) {
        return of(set, statuses.findById(set.master().nodeId())
                .map(ServiceStatusRecord::getSyncReplicationSince).orElse(null));
    }

    /** @param syncSince since when its master's replication has been as it last reported, as {@link #syncSince} reads */
    List<Condition> of(InstanceSet set, Instant syncSince) {
        Instant now = clock.instant();
        return ReplicationConditions.of(set.state(), rule.assess(set.state(), now), syncSince, failover.coolDown(),
                now);
    }

    /** Since when each set's master's replication has been as it last reported, by master node, in one query. */
    Map<UUID, Instant> syncSince(Collection<InstanceSet> sets) {
        Map<UUID, Instant> since = new HashMap<>();
        statuses.findAllByNodeIdIn(sets.stream().map(set -> set.master().nodeId()).distinct().toList())
                .forEach(status -> since.put(status.getNodeId(), status.getSyncReplicationSince()));
        return since;
    }
}
