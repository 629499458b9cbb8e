package dev.shoal.api.log;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.instance.InstanceTasks;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.TaskOutcomes;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.log.InstanceLog;
import dev.shoal.domain.log.InstanceLogPartRepository;
import dev.shoal.domain.log.InstanceLogRepository;
import dev.shoal.domain.task.TaskKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trove's datastore log API: every call asks the instance's node through a task and answers once it is done, as Trove
 * answers once its guest did; what the node said is kept, so a list reads it back. Each call runs its own short
 * transactions: none is open while the node is asked.
 */
@Service
class InstanceLogs {

    /** Where the node's guest answers: a node still being built, or stopped, has no logs to give. */
    private static final Set<String> ANSWERING = Set.of("ACTIVE", "RESTART_REQUIRED", "BACKUP");

    private final InstanceLookup instances;
    private final InstanceTasks tasks;
    private final TaskOutcomes outcomes;
    private final InstanceLogRepository logs;
    private final InstanceLogPartRepository parts;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final TransactionTemplate transactions;

    InstanceLogs(InstanceLookup instances, InstanceTasks tasks, TaskOutcomes outcomes, InstanceLogRepository logs,
                 InstanceLogPartRepository parts, JsonMapper json, ApiProperties properties,
                 PlatformTransactionManager transactionManager) {
        this.instances = instances;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.logs = logs;
        this.parts = parts;
        this.json = json;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    List<LogView> list(String tenantId, UUID id) {
        ask(tenantId, id, Map.of("action", "list"), "listing the logs of instance " + id);
        return inTransaction(() -> {
            Instance instance = instances.find(tenantId, id);
            String datastore = instances.manager(instance);
            return logs.findByInstanceIdOrderByName(id).stream().map(log -> view(log, datastore)).toList();
        });
    }

    LogView act(String tenantId, UUID id, LogActionRequest.Asked asked) {
        InstanceLog log = known(tenantId, id, asked.name())
                .or(() -> {
                    list(tenantId, id);
                    return known(tenantId, id, asked.name());
                })
                .orElseThrow(() -> ApiException.unresolvable("name", "instance " + id + " has no log " + asked.name()
                        + "; its logs are " + inTransaction(() -> logs.findByInstanceIdOrderByName(id).stream()
                                .map(InstanceLog::getName).toList())));
        if ((asked.enable() || asked.disable()) && !"USER".equals(log.getType())) {
            throw ApiException.invalid(asked.enable() ? "enable" : "disable", "log " + asked.name() + " is a "
                    + log.getType() + " log: the server always writes it");
        }
        String what = "the " + asked.name() + " log of instance " + id;
        if (asked.enable() || asked.disable()) {
            ask(tenantId, id, action(asked.enable() ? "enable" : "disable", asked.name()), "switching " + what);
        }
        if (asked.discard()) {
            ask(tenantId, id, action("discard", asked.name()), "discarding " + what);
        }
        if (asked.publish()) {
            ask(tenantId, id, action("publish", asked.name()), "publishing " + what);
        }
        if (asked.onlyShown()) {
            ask(tenantId, id, action("show", asked.name()), "showing " + what);
        }
        return inTransaction(() -> view(logs.findByInstanceIdAndName(id, asked.name()).orElseThrow(),
                instances.manager(instances.find(tenantId, id))));
    }

    private Optional<InstanceLog> known(String tenantId, UUID id, String name) {
        return inTransaction(() -> {
            instances.find(tenantId, id);
            return logs.findByInstanceIdAndName(id, name);
        });
    }

    /** Schedules the task in a transaction of its own, then waits outside it for its end. */
    private void ask(String tenantId, UUID id, Map<String, String> parameters, String what) {
        UUID taskId = inTransaction(() -> {
            Instance instance = instances.find(tenantId, id);
            String status = instances.status(instance);
            if (!ANSWERING.contains(status)) {
                throw ApiException.conflict("instance " + id + " is " + status + "; its logs can be read once it is"
                        + " ACTIVE");
            }
            return tasks.schedule(tenantId, TaskKind.GUEST_LOG, id, json.writeValueAsString(parameters),
                    properties.logTimeout()).getId();
        });
        outcomes.awaitSuccess(taskId, properties.logTimeout(), what);
    }

    private LogView view(InstanceLog log, String datastore) {
        return LogView.of(log, parts.publishedBytes(log.getInstanceId(), log.getName()), datastore);
    }

    private static Map<String, String> action(String action, String name) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("action", action);
        parameters.put("name", name);
        return parameters;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
