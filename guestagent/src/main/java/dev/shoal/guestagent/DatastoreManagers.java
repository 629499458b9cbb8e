package dev.shoal.guestagent;

import dev.shoal.guestagent.cassandra.CassandraManager;
import dev.shoal.guestagent.mongodb.MongoManager;
import dev.shoal.guestagent.mysql.MysqlManager;

/** The manager for the datastore a node was spawned for. */
public final class DatastoreManagers {

    private DatastoreManagers() {
    }

    public static DatastoreManager forConfig(GuestConfig config) {
        return switch (config.datastore()) {
            case "mysql" -> new MysqlManager(config);
            case "cassandra" -> new CassandraManager(config);
            case "mongodb" -> new MongoManager(config);
            default -> throw new IllegalArgumentException("node " + config.nodeId() + ": no datastore manager named '"
                    + config.datastore() + "'");
        };
    }
}
