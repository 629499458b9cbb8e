package dev.shoal.datastore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every datastore on the class path, by name: loaded once, the same for every service. */
public final class Datastores {

    private static final Map<String, Datastore> BY_NAME = load();

    private Datastores() {
    }

    private static Map<String, Datastore> load() {
        Map<String, Datastore> byName = new TreeMap<>();
        for (Datastore datastore : ServiceLoader.load(Datastore.class, Datastores.class.getClassLoader())) {
            Datastore before = byName.put(datastore.descriptor().name(), datastore);
            if (before != null) {
                throw new IllegalStateException("two datastores are named " + datastore.descriptor().name() + ": "
                        + before.getClass().getName() + " and " + datastore.getClass().getName());
            }
        }
        return Map.copyOf(byName);
    }

    public static Optional<Datastore> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** @throws IllegalArgumentException when no datastore of that name is on the class path */
    public static Datastore named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no datastore named '" + name
                + "' is installed; installed: " + BY_NAME.keySet().stream().sorted().toList()));
    }

    public static DatastoreDescriptor descriptor(String name) {
        return named(name).descriptor();
    }

    public static Collection<Datastore> all() {
        return BY_NAME.values();
    }
}
