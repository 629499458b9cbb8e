package dev.shoal.taskmanager.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.shoal.contracts.guest.GuestLog;
import dev.shoal.domain.catalog.Datastore;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.log.InstanceLog;
import dev.shoal.domain.log.InstanceLogPart;
import dev.shoal.domain.log.InstanceLogPartRepository;
import dev.shoal.domain.log.InstanceLogRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A published part joins its log's parts under Trove's name, and the oldest beyond the bound go. */
class PublishedLogsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final InstanceLogRepository logs = mock(InstanceLogRepository.class);
    private final InstanceLogPartRepository parts = mock(InstanceLogPartRepository.class);
    private final DatastoreVersionRepository versions = mock(DatastoreVersionRepository.class);
    private final PublishedLogs published = new PublishedLogs(logs, parts, versions, new GuestLogProperties(4096, 3),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Instance instance = new Instance("acme", "audited", UUID.randomUUID(), "1", 1, null, NOW);
    private final InstanceLog log = new InstanceLog("acme", instance.getId(), "error", NOW);

    @BeforeEach
    void aMysqlInstanceWithItsErrorLog() {
        DatastoreVersion version = mock(DatastoreVersion.class);
        Datastore datastore = mock(Datastore.class);
        given(datastore.getManager()).willReturn("mysql");
        given(version.getDatastore()).willReturn(datastore);
        given(versions.findById(instance.getDatastoreVersionId())).willReturn(Optional.of(version));
        given(logs.findByInstanceIdAndName(instance.getId(), "error")).willReturn(Optional.of(log));
    }

    @Test
    void aPublishedPartIsNamedUnderItsLogsPrefixAndTheOldestBeyondTheBoundGo() {
        List<InstanceLogPart> kept = new ArrayList<>(IntStream.range(0, 4).mapToObj(i -> mock(InstanceLogPart.class))
                .toList());
        given(parts.findByInstanceIdAndLogNameOrderByCreatedAscObjectNameAsc(instance.getId(), "error"))
                .willReturn(kept);

        published.acted(instance, new GuestLog.Acted(new GuestLog("error", "SYS", true, false, 900), 100, 900, 0,
                "started\nready\n", 2), true);

        ArgumentCaptor<InstanceLogPart> saved = ArgumentCaptor.forClass(InstanceLogPart.class);
        verify(parts).save(saved.capture());
        assertThat(saved.getValue().getObjectName()).isEqualTo(instance.getId()
                + "/mysql-error/log-2026-12-07T07:00:00.000000");
        assertThat(saved.getValue().getLines()).isEqualTo(2);
        verify(parts).deleteAll(kept.subList(0, 1));
        assertThat(log.getPublishedUpTo()).isEqualTo(900);
    }

    @Test
    void nothingNewWrittenIsNoPart() {
        published.acted(instance, new GuestLog.Acted(new GuestLog("error", "SYS", true, false, 900), 900, 900, 0,
                "", 0), true);

        verify(parts, never()).save(any());
        assertThat(log.getPublishedUpTo()).isEqualTo(900);
    }
}
