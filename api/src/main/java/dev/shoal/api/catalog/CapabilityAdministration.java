package dev.shoal.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.capability.Capabilities;
import dev.shoal.domain.capability.Capability;
import dev.shoal.domain.capability.CapabilityOverride;
import dev.shoal.domain.capability.CapabilityOverrideRepository;
import dev.shoal.domain.capability.CapabilityRepository;
import dev.shoal.domain.catalog.DatastoreVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators turn a capability on or off for one datastore version, for standalone instances ({@code enabled})
 * and cluster nodes ({@code enabled_cluster}) apart; a flag left out keeps its current value.
 */
@RestController
class CapabilityAdministration {

    private final CatalogReferences catalog;
    private final CapabilityRepository capabilities;
    private final CapabilityOverrideRepository overrides;
    private final Capabilities effective;

    CapabilityAdministration(CatalogReferences catalog, CapabilityRepository capabilities,
                             CapabilityOverrideRepository overrides, Capabilities effective) {
        this.catalog = catalog;
        this.capabilities = capabilities;
        this.overrides = overrides;
        this.effective = effective;
    }

    @PutMapping("/v1.0/mgmt/datastores/{datastore}/versions/{version}/capabilities/{name}")
    @Transactional
    Map<String, CatalogController.CapabilityView> override(@PathVariable String datastore,
                                                           @PathVariable String version, @PathVariable String name,
                                                           @RequestBody Request request) {
        if (request == null || request.capability() == null
                || request.capability().enabled() == null && request.capability().enabledCluster() == null) {
            throw ApiException.invalid("capability", "give enabled, enabled_cluster or both");
        }
        DatastoreVersion found = catalog.version(datastore, version, "datastore");
        Capability capability = capabilities.findByName(name)
                .orElseThrow(() -> ApiException.notFound("capability " + name));
        CapabilityOverride override = overrides.findById(new CapabilityOverride.Key(capability.getId(), found.getId()))
                .orElseGet(() -> new CapabilityOverride(capability.getId(), found.getId()));
        override.set(request.capability().enabled(), request.capability().enabledCluster());
        overrides.saveAndFlush(override);
        return Map.of("capability", effective.of(found.getId()).stream().filter(c -> c.name().equals(name))
                .findFirst().map(CatalogController.CapabilityView::of).orElseThrow());
    }

    @Schema(name = "CapabilityRequest")
    record Request(Flags capability) {
    }

    record Flags(Boolean enabled, @JsonProperty("enabled_cluster") Boolean enabledCluster) {
    }

}
