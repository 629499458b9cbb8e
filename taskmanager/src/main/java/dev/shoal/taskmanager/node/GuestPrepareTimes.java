package dev.shoal.taskmanager.node;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.PrepareTimes;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.SideBySide;
import dev.shoal.taskmanager.task.StepNotes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Shows on the step that waited for the nodes to run what each guest measured of its own start and prepare, so that a
 * build's breakdown tells the datastore's own time from the control plane's. Only a reading: a guest that cannot tell
 * (an older one, one that restarted since) leaves the step without it, and the build goes on.
 */
@Component
public class GuestPrepareTimes {

    /** A guest that just reported running answers at once; one that does not is not waited for long. */
    private static final Duration ASKED_FOR = Duration.ofSeconds(2);

    private final GuestClient guests;
    private final MessageCodec codec;
    private final StepNotes notes;

    GuestPrepareTimes(GuestClient guests, MessageCodec codec, StepNotes notes) {
        this.guests = guests;
        this.codec = codec;
        this.notes = notes;
    }

    /** Every node is asked before the step waits for any answer. */
    public void note(List<Node> nodes, String correlationId) {
        Map<Node, String> told = new ConcurrentHashMap<>();
        SideBySide.forEach(nodes, node -> ask(node, correlationId).ifPresent(times -> told.put(node, times)));
        if (told.isEmpty()) {
            return;
        }
        notes.note(nodes.size() == 1 ? told.values().iterator().next() : nodes.stream().filter(told::containsKey)
                .map(node -> node.getName() + ": " + told.get(node)).collect(Collectors.joining("; ")));
    }

    private Optional<String> ask(Node node, String correlationId) {
        try {
            PrepareTimes times = codec.mapper().treeToValue(guests.call(node, MessageTypes.GET_PREPARE_TIMES,
                    Map.of(), correlationId, ASKED_FOR).result(), PrepareTimes.class);
            return times == null || times.phases().isEmpty() ? Optional.empty()
                    : Optional.of(times.describe());
        } catch (GuestCallException | IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
