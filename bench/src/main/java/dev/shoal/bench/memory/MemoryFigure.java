package dev.shoal.bench.memory;

import dev.shoal.bench.BenchContext;
import dev.shoal.bench.Figure;
import dev.shoal.bench.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory: the standalone's resident size just started and with real MySQL nodes running (asked for all at once, so
 * they build side by side), and one node's guest agent and mariadbd beside it.
 */
public final class MemoryFigure implements Figure {

    private final int nodes;

    public MemoryFigure(int nodes) {
        this.nodes = nodes;
    }

    @Override
    public String name() {
        return "MEMORY";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        String first = context.instances().first();
        List<String> more = new ArrayList<>();
        for (int i = 1; i < nodes; i++) {
            more.add(context.api().createInstance(context.instances().tenant(), "bench-memory-" + i));
        }
        context.instances().adopt(more);
        int active = 1 + awaitActive(context, more, Duration.ofMinutes(5));
        BenchContext.log("%d of %d nodes ACTIVE", active, nodes);
        Thread.sleep(BenchContext.HEARTBEAT_INTERVAL.toMillis());
        double loaded = Rss.of(context.standalone().pid());
        Path node = context.standalone().nodesDir().resolve(context.nodeOf(first).toString());
        long guest = Long.parseLong(Files.readString(node.resolve("guest.pid")).trim());
        double guestRss = Rss.of(guest);
        String marker = node + "/";
        double serverRss = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(marker))
                        .orElse(false))
                .mapToDouble(MemoryFigure::rssOrZero).sum();
        List<Measurement> measurements = List.of(
                Measurement.reported("Memory: standalone RSS, just started, no node", context.idleRss(), "MiB"),
                Measurement.reported(String.format("Memory: standalone RSS with %d real MySQL nodes ACTIVE%s",
                        active, active < nodes ? " (of " + nodes + " asked)" : ""), loaded, "MiB"),
                Measurement.reported("Memory: one guest agent's RSS", guestRss, "MiB"),
                Measurement.reported("Memory: its mariadbd's RSS", serverRss, "MiB"));
        context.instances().delete(more, Duration.ofMinutes(3));
        return measurements;
    }

    private static int awaitActive(BenchContext context, List<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int active = 0;
        while (Instant.now().isBefore(deadline)) {
            active = 0;
            for (String id : ids) {
                String status = context.api().status(context.instances().tenant(), id).orElse("GONE");
                if (status.equals("ACTIVE")) {
                    active++;
                }
            }
            if (active == ids.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        return active;
    }

    private static double rssOrZero(ProcessHandle process) {
        try {
            return Rss.of(process.pid());
        } catch (IOException gone) {
            return 0;
        }
    }
}
