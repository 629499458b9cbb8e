package dev.shoal.domain.capability;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The capabilities a datastore version offers, its overrides applied over the defaults. */
@Component
public class Capabilities {

    private final CapabilityRepository capabilities;
    private final CapabilityOverrideRepository overrides;

    Capabilities(CapabilityRepository capabilities, CapabilityOverrideRepository overrides) {
        this.capabilities = capabilities;
        this.overrides = overrides;
    }

    public List<Effective> of(UUID datastoreVersionId) {
        Map<UUID, CapabilityOverride> byCapability = overrides.findAllByKeyDatastoreVersionId(datastoreVersionId)
                .stream().collect(Collectors.toMap(CapabilityOverride::getCapabilityId, Function.identity()));
        return capabilities.findAllByOrderByName().stream().map(capability -> {
            CapabilityOverride override = byCapability.get(capability.getId());
            boolean enabled = override != null && override.getEnabled() != null ? override.getEnabled()
                    : capability.isEnabled();
            boolean enabledCluster = override != null && override.getEnabledCluster() != null
                    ? override.getEnabledCluster() : capability.isEnabledCluster();
            return new Effective(capability.getName(), capability.getDescription(), enabled, enabledCluster);
        }).toList();
    }

    /** True when the version offers {@code name} to a standalone instance, or to a cluster when {@code cluster}. */
    public boolean allows(UUID datastoreVersionId, String name, boolean cluster) {
        return of(datastoreVersionId).stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> cluster ? c.enabledCluster() : c.enabled()).orElse(true);
    }

    public record Effective(String name, String description, boolean enabled, boolean enabledCluster) {
    }
}
