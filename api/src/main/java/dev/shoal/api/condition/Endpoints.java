package dev.shoal.api.condition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Where a client connects, as {@code address:port} on the datastore's client port: the node that takes writes, and
 * those that serve reads. Computed from the nodes' roles on every read, so a promotion or a failover shows at once.
 *
 * @param writer  absent while no node takes writes (a node being built), or where every node does (a ring)
 * @param readers the nodes that serve reads besides the writer; in a ring every node, as contact points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Endpoints")
public record Endpoints(String writer, List<String> readers) {

    public Endpoints {
        readers = List.copyOf(readers);
    }

    /** Addresses not yet known (a node still being placed) are left out. */
    static Endpoints of(String writerAddress, List<String> readerAddresses, int port) {
        return new Endpoints(writerAddress == null ? null : writerAddress + ":" + port, readerAddresses.stream()
                .filter(Objects::nonNull).map(address -> address + ":" + port).toList());
    }
}
