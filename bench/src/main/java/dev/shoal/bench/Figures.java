package dev.shoal.bench;

import dev.shoal.bench.api.InstancePageFigure;
import dev.shoal.bench.api.InstanceReadFigure;
import dev.shoal.bench.builds.BuildTimes;
import dev.shoal.bench.heartbeat.HeartbeatFloodFigure;
import dev.shoal.bench.memory.MemoryFigure;
import java.util.List;

/** Every figure of a full run, in the order they run: one line each. */
final class Figures {

    private Figures() {
    }

    static List<Figure> all(BenchSettings settings) {
        return List.of(
                new BuildTimes(),
                new InstanceReadFigure(),
                new InstancePageFigure(),
                new HeartbeatFloodFigure(),
                new MemoryFigure(settings.nodes()));
    }
}
