package dev.shoal.guest.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every datastore's guest side on the class path, by name, as each registered its {@link GuestDatastoreFactory}. */
public final class GuestDatastores {

    private GuestDatastores() {
    }

    /** The manager of the datastore the node was spawned for. */
    public static DatastoreManager forConfig(GuestConfig config) {
        Map<String, GuestDatastoreFactory> factories = factories();
        String name = config.datastore();
        GuestDatastoreFactory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("node " + config.nodeId() + ": no datastore manager named '" + name
                    + "'; this guest has " + factories.keySet());
        }
        return factory.create(config);
    }

    static Map<String, GuestDatastoreFactory> factories() {
        Map<String, GuestDatastoreFactory> byName = new TreeMap<>();
        for (GuestDatastoreFactory factory : ServiceLoader.load(GuestDatastoreFactory.class,
                GuestDatastores.class.getClassLoader())) {
            GuestDatastoreFactory before = byName.put(factory.name(), factory);
            if (before != null) {
                throw new IllegalStateException("two guest datastores are named " + factory.name() + ": "
                        + before.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return byName;
    }
}
