package dev.shoal.api.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a datastore version and its datastore are called and which manager runs them. None of it ever changes
 * (versions are added and removed, never renamed), so each process reads a version once instead of on every view.
 */
@Component
public class VersionNames {

    public record Names(String datastore, String version, String manager) {
    }

    private final DatastoreVersionRepository versions;
    private final Cache<UUID, Names> known = Caffeine.newBuilder().maximumSize(10_000).build();

    VersionNames(DatastoreVersionRepository versions) {
        this.versions = versions;
    }

    public Names of(UUID versionId) {
        return known.get(versionId, id -> {
            DatastoreVersion version = versions.findById(id).orElseThrow();
            return new Names(version.getDatastore().getName(), version.getName(), version.getDatastore().getManager());
        });
    }
}
