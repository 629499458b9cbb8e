package dev.shoal.datastores.postgresql;

import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.Composition;
import dev.shoal.datastore.Datastore;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Naming;
import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.datastore.control.PrimaryReplicaClusterStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL as its own server runs it: instances whose databases, roles and settings tenants manage, with read-only
 * replicas by streaming replication and backups as base backups; clusters of a primary and hot standbys, formed as
 * any master with replicas is, whose primary stays while it has standbys. An old primary back after a failover is
 * rewound (or made again) to the new primary's timeline, as Patroni does, rather than refused.
 * Names follow PostgreSQL's identifiers (63 bytes at most); the server's own databases and roles, and the guest's, are
 * kept from tenants, as are roles beginning {@code pg_}, which the server reserves (the guest refuses those).
 */
public final class PostgresqlDatastore implements Datastore {

    public static final String NAME = "postgresql";
    public static final int PORT = 5432;

    /** The server's template databases and its default one. */
    public static final Set<String> RESERVED_DATABASES = Set.of("postgres", "template0", "template1");
    /** The superuser root enable opens, the server's usual one, and the guest's administrator and replication roles. */
    public static final Set<String> RESERVED_USERS = Set.of("root", "postgres", "os_admin", "os_repl", "public");
    /** The prefix PostgreSQL keeps for its own roles. */
    public static final String RESERVED_ROLE_PREFIX = "pg_";
    /** NAMEDATALEN - 1: PostgreSQL cuts longer identifiers short, so longer names are refused instead. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    // a database is created from template0 with the encoding asked for; collation "C" goes with every encoding
    private static final Naming NAMING = new Naming(MAX_IDENTIFIER_BYTES, MAX_IDENTIFIER_BYTES,
            RESERVED_DATABASES, RESERVED_USERS,
            Map.of("UTF8", "C", "LATIN1", "C", "SQL_ASCII", "C", "WIN1252", "C"), "UTF8");

    private static final DatastoreDescriptor DESCRIPTOR = new DatastoreDescriptor(NAME, "PostgreSQL", PORT,
            Set.of(DatastoreDescriptor.MEMBER), Set.of(Role.MASTER, Role.REPLICA), new Composition(0, 0, false, false, true), NAMING,
            Set.of(Ability.REPLICATION, Ability.CLUSTERS, Ability.BACKUPS, Ability.ACCOUNTS, Ability.CONFIGURATION,
                    Ability.RESIZE, Ability.DISCARDS_FORKED_HISTORY));

    @Override
    public DatastoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<ClusterStrategy> clusterStrategy(ClusterPorts ports) {
        return Optional.of(new PrimaryReplicaClusterStrategy(ports.replication()));
    }
}
