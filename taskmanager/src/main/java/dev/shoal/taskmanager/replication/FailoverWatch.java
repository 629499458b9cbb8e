package dev.shoal.taskmanager.replication;

import dev.shoal.domain.failover.FailoverAssessment;
import dev.shoal.domain.failover.FailoverAssessment.Decision;
import dev.shoal.domain.failover.FailoverRule;
import dev.shoal.domain.failover.ReplicationSets;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.taskmanager.task.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at every replication set once a check interval and fails over those whose master is dead, by
 * {@link FailoverRule}. One task manager at a time looks: the leader. What it makes of a set is logged when it
 * changes, so that a set held back for an operator says why.
 */
@Component
class FailoverWatch {

    private static final Logger log = LoggerFactory.getLogger(FailoverWatch.class);

    private final ReplicationSets sets;
    private final FailoverRule rule;
    private final FailoverStarts starts;
    private final TaskRunner runner;
    private final Leadership leadership;
    private final Clock clock;
    private final Map<UUID, String> lastSeen = new ConcurrentHashMap<>();

    FailoverWatch(ReplicationSets sets, FailoverRule rule, FailoverStarts starts, TaskRunner runner,
                  Leadership leadership, Clock clock) {
        this.sets = sets;
        this.rule = rule;
        this.starts = starts;
        this.runner = runner;
        this.leadership = leadership;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${shoal.failover.check-interval:1s}",
            fixedDelayString = "${shoal.failover.check-interval:1s}")
    void look() {
        if (!leadership.leads()) {
            return;
        }
        Instant now = clock.instant();
        for (InstanceSet set : sets.withReplicas()) {
            FailoverAssessment assessment = rule.assess(set.state(), now);
            String name = "the set of instance " + set.master().instanceId();
            tell(set.master().instanceId(), name, assessment);
            if (assessment.decision() == Decision.FAIL_OVER) {
                starts.start(set, assessment, now).ifPresent(task -> run(name, assessment, task));
            }
        }
        for (UUID cluster : sets.replicationClusters()) {
            sets.ofCluster(cluster).ifPresent(set -> {
                FailoverAssessment assessment = rule.assess(set.state(), now);
                String name = "cluster " + cluster;
                tell(cluster, name, assessment);
                if (assessment.decision() == Decision.FAIL_OVER) {
                    starts.startCluster(cluster, set, assessment, now).ifPresent(task -> run(name, assessment, task));
                }
            });
        }
    }

    private void run(String name, FailoverAssessment assessment, UUID task) {
        log.warn("failing over {}: {} (task {})", name, assessment.message(), task);
        runner.submit(task);
    }

    private void tell(UUID set, String name, FailoverAssessment assessment) {
        String said = assessment.decision() + " " + assessment.reason();
        if (!said.equals(lastSeen.put(set, said)) && assessment.decision() != Decision.NONE) {
            log.warn("{}: {} ({}): {}", name, assessment.decision(), assessment.reason(), assessment.message());
        }
    }
}
