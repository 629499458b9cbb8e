package dev.shoal.taskmanager.node;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.domain.configuration.ConfigurationValueRepository;
import dev.shoal.domain.configuration.ParameterDefinition;
import dev.shoal.domain.configuration.ParameterDefinitionRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Brings one node's datastore to a configuration group's values (none without a group) and records what the
 * datastore then runs with; the node shows {@code RESTART_REQUIRED} while a restart is still to apply some of them.
 */
@Component
public class NodeConfiguration {

    private final GuestClient guests;
    private final ConfigurationValueRepository values;
    private final ParameterDefinitionRepository definitions;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    NodeConfiguration(GuestClient guests, ConfigurationValueRepository values,
                      ParameterDefinitionRepository definitions, MessageCodec codec,
                      TaskManagerProperties properties, Clock clock) {
        this.guests = guests;
        this.values = values;
        this.definitions = definitions;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    public void apply(Node node, UUID configurationId, String correlationId) {
        applyValues(node, configurationId == null ? Map.of() : values.valuesOf(configurationId), correlationId);
    }

    /** The node runs {@code wanted} over its defaults, whatever group gave them (a cancelled apply's earlier ones). */
    public void applyValues(Node node, Map<String, String> wanted, String correlationId) {
        List<String> managed = definitions.findAllByKeyDatastoreVersionIdOrderByKeyName(node.getDatastoreVersionId())
                .stream().filter(definition -> !definition.isReadOnly()).map(ParameterDefinition::getName).toList();
        AppliedConfiguration applied = codec.mapper().treeToValue(guests.call(node, MessageTypes.UPDATE_OVERRIDES,
                new ConfigurationOverrides(wanted, managed), correlationId,
                properties.guestCallTimeoutHigh()).result(), AppliedConfiguration.class);
        node.runningConfiguration(codec.mapper().writeValueAsString(applied.running()), clock.instant());
        if (!applied.restartRequired().isEmpty()) {
            node.startTask(NodeTask.RESTART_REQUIRED, "A restart applies " + applied.restartRequired(),
                    clock.instant());
        } else if (node.getTask() == NodeTask.RESTART_REQUIRED || node.getTask() == NodeTask.REBOOTING) {
            node.finishTask(clock.instant());
        }
    }
}
