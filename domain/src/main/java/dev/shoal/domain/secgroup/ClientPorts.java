package dev.shoal.domain.secgroup;

import java.util.Map;

/** The port each datastore serves its clients on, which a node's security group opens or closes. */
public final class ClientPorts {

    private static final Map<String, Integer> BY_MANAGER = Map.of("mysql", 3306, "cassandra", 9042,
            "mongodb", 27017);

    private ClientPorts() {
    }

    /** @param manager the datastore's manager ({@code mysql}, {@code cassandra}, {@code mongodb}) */
    public static int of(String manager) {
        Integer port = BY_MANAGER.get(manager);
        if (port == null) {
            throw new IllegalArgumentException("no client port is known for datastore manager " + manager);
        }
        return port;
    }
}
