package dev.shoal.api.condition;

import dev.shoal.domain.failover.FailoverProperties;
import dev.shoal.domain.failover.FailoverRule;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        Instant now = clock.instant();
        Instant syncSince = statuses.findById(set.master().nodeId())
                .map(ServiceStatusRecord::getSyncReplicationSince).orElse(null);
        return ReplicationConditions.of(set.state(), rule.assess(set.state(), now), syncSince, failover.coolDown(),
                now);
    }
}
