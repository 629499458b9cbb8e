package dev.shoal.conductor.expiry;

import dev.shoal.conductor.ConductorProperties;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.node.ServiceStatusRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Nodes whose guests went silent for longer than the expiry are recorded as SHUTDOWN. */
@Component
class HeartbeatExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatExpirySweeper.class);

    /**
     * ServiceStatusRepository.findSilentSince, but locking: a heartbeat applied after the query would
     * otherwise be overwritten with SHUTDOWN when the stale row is written back. PostgreSQL rechecks the
     * condition on the newest row version after waiting for the lock, so such a row is left out. Locked
     * in node order, so that two conductors sweeping at once cannot deadlock.
     */
    private static final String SILENT = """
            select s from ServiceStatusRecord s
            where s.updatedAt < :cutoff and s.status <> :shutdown
            order by s.nodeId
            """;

    private final EntityManager entityManager;
    private final Leadership leadership;
    private final ConductorProperties properties;
    private final Clock clock;

    HeartbeatExpirySweeper(EntityManager entityManager, Leadership leadership, ConductorProperties properties,
                           Clock clock) {
        this.entityManager = entityManager;
        this.leadership = leadership;
        this.properties = properties;
        this.clock = clock;
    }

    // The delay comes from the bound properties record (bean named "<prefix>-<class>"), so its default
    // lives in one place: ConductorProperties.
    @Scheduled(fixedDelayString = "#{@'shoal.conductor-dev.shoal.conductor.ConductorProperties'"
            + ".sweepInterval().toMillis()}")
    @Transactional
    public void expireSilentNodes() {
        // safe to run in two conductors at once (see SILENT), but one suffices
        if (!leadership.leads()) {
            return;
        }
        Instant now = clock.instant();
        List<ServiceStatusRecord> silent = entityManager.createQuery(SILENT, ServiceStatusRecord.class)
                .setParameter("cutoff", now.minus(properties.heartbeatExpiry()))
                .setParameter("shutdown", ServiceStatus.SHUTDOWN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ServiceStatusRecord record : silent) {
            record.expire(now);
            log.warn("node {} sent no heartbeat since {}: SHUTDOWN", record.getNodeId(), record.getUpdatedAt());
        }
    }
}
