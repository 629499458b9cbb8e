package dev.shoal.bench;

import dev.shoal.bench.plane.ShoalApi;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real MySQL instances (a guest agent and a mariadbd each) made through the API for the run. */
public final class RealInstances {

    private final ShoalApi api;
    private final String tenant;
    private final List<String> made = new CopyOnWriteArrayList<>();
    private volatile String first;

    RealInstances(ShoalApi api, String tenant) {
        this.api = api;
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }

    /** The run's first instance, made ACTIVE on first use and shared by the figures that need one. */
    public synchronized String first() throws IOException, InterruptedException {
        if (first == null) {
            List<String> ids = create("bench-first", 1, Duration.ofMinutes(3));
            first = ids.get(0);
        }
        return first;
    }

    /** Asks for {@code count} instances at once, then waits until all are ACTIVE. */
    public List<String> create(String prefix, int count, Duration timeout) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = api.createInstance(tenant, prefix + "-" + i);
            made.add(id);
            ids.add(id);
        }
        Instant deadline = Instant.now().plus(timeout);
        for (String id : ids) {
            api.awaitStatus(tenant, id, "ACTIVE", Duration.between(Instant.now(), deadline));
        }
        return ids;
    }

    /** Instances asked for elsewhere, to be deleted at the end with the others. */
    public void adopt(List<String> ids) {
        made.addAll(ids);
    }

    /** Deletes these instances and waits until they are gone. */
    public void delete(List<String> ids, Duration timeout) throws IOException, InterruptedException {
        for (String id : ids) {
            api.deleteInstance(tenant, id);
        }
        Instant deadline = Instant.now().plus(timeout);
        for (String id : ids) {
            while (api.status(tenant, id).isPresent()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("instance " + id + " still there " + timeout.toSeconds()
                            + " s after its delete");
                }
                Thread.sleep(250);
            }
            made.remove(id);
        }
    }

    void deleteAll(Duration timeout) throws IOException, InterruptedException {
        if (first != null && !made.contains(first)) {
            first = null;
        }
        delete(List.copyOf(made), timeout);
        first = null;
    }
}
