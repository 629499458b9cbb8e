package dev.shoal.conductor.expiry;

import dev.shoal.conductor.ConductorProperties;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
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

    private final ServiceStatusRepository statuses;
    private final ConductorProperties properties;
    private final Clock clock;

    HeartbeatExpirySweeper(ServiceStatusRepository statuses, ConductorProperties properties, Clock clock) {
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
    }

    // The delay comes from the bound properties record (bean named "<prefix>-<class>"), so its default
    // lives in one place: ConductorProperties.
    @Scheduled(fixedDelayString = "#{@'shoal.conductor-dev.shoal.conductor.ConductorProperties'"
            + ".sweepInterval().toMillis()}")
    @Transactional
    public void expireSilentNodes() {
        Instant now = clock.instant();
        List<ServiceStatusRecord> silent = statuses.findSilentSince(now.minus(properties.heartbeatExpiry()));
        for (ServiceStatusRecord record : silent) {
            record.expire(now);
            log.warn("node {} sent no heartbeat since {}: SHUTDOWN", record.getNodeId(), record.getUpdatedAt());
        }
    }
}
