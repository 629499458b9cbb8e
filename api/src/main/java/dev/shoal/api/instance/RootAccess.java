package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.RootPassword;
import dev.shoal.contracts.SecretBox;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.RootEnabledRecord;
import dev.shoal.domain.instance.RootEnabledRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trove's root enable: a fresh password returned once. It travels to the guest sealed with that node's
 * secret and is stored nowhere, in clear or otherwise; only the fact that root was enabled is kept.
 */
@Service
class RootAccess {

    private final InstanceLookup instances;
    private final InstanceTasks instanceTasks;
    private final RootEnabledRepository history;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RootAccess(InstanceLookup instances, InstanceTasks instanceTasks, RootEnabledRepository history, JsonMapper json,
               ApiProperties properties, Clock clock) {
        this.instances = instances;
        this.instanceTasks = instanceTasks;
        this.history = history;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    RootPassword enable(String tenantId, UUID id, String enabledBy) {
        Instance instance = instances.find(tenantId, id, "root-enable");
        String status = instances.view(instance).status();
        if (!"ACTIVE".equals(status)) {
            throw ApiException.conflict("instance " + id + " is " + status + "; root can be enabled once it is ACTIVE");
        }
        Node node = instances.node(instance);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String parameters = json.writeValueAsString(Map.of("sealed", Map.of(node.getId().toString(),
                SecretBox.seal(node.secret().orElseThrow(), password))));
        history.save(new RootEnabledRecord(node.getId(), instance.getId(), enabledBy, clock.instant()));
        Task task = instanceTasks.schedule(tenantId, TaskKind.ENABLE_ROOT, instance.getId(), parameters,
                properties.rootEnableTimeout());
        return new RootPassword(password, task.getId());
    }

    @Transactional(readOnly = true)
    boolean isEnabled(String tenantId, UUID id) {
        Instance instance = instances.find(tenantId, id, "root-status");
        return history.existsByInstanceId(instance.getId());
    }
}
