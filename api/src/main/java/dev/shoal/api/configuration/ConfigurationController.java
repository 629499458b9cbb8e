package dev.shoal.api.configuration;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1.0/{tenantId}/configurations")
class ConfigurationController {

    private final ConfigurationService configurations;

    ConfigurationController(ConfigurationService configurations) {
        this.configurations = configurations;
    }

    @PostMapping
    Map<String, ConfigurationView> create(@PathVariable String tenantId,
                                          @RequestBody ConfigurationRequests.Envelope request) {
        return Map.of("configuration", configurations.create(tenantId, request));
    }

    @GetMapping
    Map<String, List<ConfigurationView>> list(@PathVariable String tenantId) {
        return Map.of("configurations", configurations.list(tenantId));
    }

    @GetMapping("/{id}")
    Map<String, ConfigurationView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("configuration", configurations.show(tenantId, id));
    }

    @PatchMapping("/{id}")
    Map<String, ConfigurationView> patch(@PathVariable String tenantId, @PathVariable UUID id,
                                         @RequestBody ConfigurationRequests.Envelope request) {
        return Map.of("configuration", configurations.update(tenantId, id, request, false));
    }

    @PutMapping("/{id}")
    Map<String, ConfigurationView> replace(@PathVariable String tenantId, @PathVariable UUID id,
                                           @RequestBody ConfigurationRequests.Envelope request) {
        return Map.of("configuration", configurations.update(tenantId, id, request, true));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id) {
        configurations.delete(tenantId, id);
    }

    @GetMapping("/{id}/instances")
    Map<String, List<Map<String, Object>>> instances(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("instances", configurations.instancesOf(tenantId, id));
    }
}
