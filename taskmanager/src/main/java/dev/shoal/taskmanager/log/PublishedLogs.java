package dev.shoal.taskmanager.log;

import dev.shoal.contracts.guest.GuestLog;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.log.InstanceLog;
import dev.shoal.domain.log.InstanceLogPart;
import dev.shoal.domain.log.InstanceLogPartRepository;
import dev.shoal.domain.log.InstanceLogRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the guests said of an instance's logs, and the parts published of them, kept within their bounds. */
@Component
class PublishedLogs {

    /** Sorts as it was written, as Trove's part names do. */
    private static final DateTimeFormatter PART_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final InstanceLogRepository logs;
    private final InstanceLogPartRepository parts;
    private final DatastoreVersionRepository versions;
    private final GuestLogProperties bounds;
    private final Clock clock;

    PublishedLogs(InstanceLogRepository logs, InstanceLogPartRepository parts, DatastoreVersionRepository versions,
                  GuestLogProperties bounds, Clock clock) {
        this.logs = logs;
        this.parts = parts;
        this.versions = versions;
        this.bounds = bounds;
        this.clock = clock;
    }

    /** Every log the guest listed is kept as it said; one it no longer has goes with its parts. */
    void listed(Instance instance, GuestLog.Listing listing) {
        Set<String> names = new HashSet<>();
        for (GuestLog reported : listing.logs()) {
            names.add(reported.name());
            log(instance, reported.name()).reported(reported.type(), reported.enabled(), reported.restartRequired(),
                    reported.size(), clock.instant());
        }
        for (InstanceLog known : logs.findByInstanceIdOrderByName(instance.getId())) {
            if (!names.contains(known.getName())) {
                parts.deleteByInstanceIdAndLogName(instance.getId(), known.getName());
                logs.delete(known);
            }
        }
    }

    long publishedUpTo(Instance instance, String name) {
        return logs.findByInstanceIdAndName(instance.getId(), name).map(InstanceLog::getPublishedUpTo).orElse(0L);
    }

    /** The log as it is now and, for a publish, its new part, the oldest parts beyond the bound removed. */
    void acted(Instance instance, GuestLog.Acted acted, boolean publish) {
        Instant now = clock.instant();
        InstanceLog log = log(instance, acted.log().name());
        log.reported(acted.log().type(), acted.log().enabled(), acted.log().restartRequired(), acted.log().size(),
                now);
        if (!publish) {
            return;
        }
        if (acted.content() != null && !acted.content().isEmpty()) {
            String name = log.prefix(manager(instance)) + "log-" + PART_TIME.format(now);
            parts.save(new InstanceLogPart(log, name, acted.content(),
                    acted.content().getBytes(StandardCharsets.UTF_8).length, acted.lines(), now));
            List<InstanceLogPart> kept = parts.findByInstanceIdAndLogNameOrderByCreatedAscObjectNameAsc(
                    instance.getId(), log.getName());
            parts.deleteAll(kept.subList(0, Math.max(0, kept.size() - bounds.keptParts())));
        }
        log.publishedUpTo(acted.to(), now);
    }

    /** Its parts go; the next publish takes the log from its start again. */
    void discard(Instance instance, String name) {
        parts.deleteByInstanceIdAndLogName(instance.getId(), name);
        log(instance, name).publishedUpTo(0, clock.instant());
    }

    private InstanceLog log(Instance instance, String name) {
        return logs.findByInstanceIdAndName(instance.getId(), name)
                .orElseGet(() -> logs.save(new InstanceLog(instance.getTenantId(), instance.getId(), name,
                        clock.instant())));
    }

    private String manager(Instance instance) {
        return versions.findById(instance.getDatastoreVersionId()).orElseThrow().getDatastore().getManager();
    }
}
