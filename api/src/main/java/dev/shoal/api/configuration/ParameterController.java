package dev.shoal.api.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.configuration.ParameterDefinition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What configuration groups may set on a datastore version, as Trove lists it; hidden parameters are left out. */
@RestController
@RequestMapping("/v1.0/{tenantId}/datastores/{datastore}/versions/{version}/parameters")
@Transactional(readOnly = true)
class ParameterController {

    private final CatalogReferences catalog;
    private final ConfigurationService configurations;

    ParameterController(CatalogReferences catalog, ConfigurationService configurations) {
        this.catalog = catalog;
        this.configurations = configurations;
    }

    @GetMapping
    Map<String, List<ParameterView>> list(@PathVariable String tenantId, @PathVariable String datastore,
                                          @PathVariable String version) {
        DatastoreVersion found = catalog.versionAt(datastore, version);
        return Map.of("configuration-parameters", configurations.definitionsOf(found.getId()).values().stream()
                .filter(definition -> !definition.isHidden())
                .sorted(java.util.Comparator.comparing(ParameterDefinition::getName))
                .map(definition -> ParameterView.of(definition, found.getId())).toList());
    }

    @GetMapping("/{name}")
    ParameterView show(@PathVariable String tenantId, @PathVariable String datastore, @PathVariable String version,
                       @PathVariable String name) {
        DatastoreVersion found = catalog.versionAt(datastore, version);
        ParameterDefinition definition = configurations.definitionsOf(found.getId()).get(name);
        if (definition == null || definition.isHidden()) {
            throw ApiException.notFound("parameter " + name);
        }
        return ParameterView.of(definition, found.getId());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterView(String name, String type, Long min, Long max,
                         @JsonProperty("restart_required") boolean restartRequired,
                         @JsonProperty("read_only") boolean readOnly, List<String> allowed, String description,
                         @JsonProperty("datastore_version_id") UUID datastoreVersionId) {

        static ParameterView of(ParameterDefinition definition, UUID versionId) {
            return new ParameterView(definition.getName(), definition.getType(), definition.getMinValue(),
                    definition.getMaxValue(), definition.isRestartRequired(), definition.isReadOnly(),
                    definition.getAllowedValues().isEmpty() ? null : definition.getAllowedValues(),
                    definition.getDescription(), versionId);
        }
    }
}
