package dev.shoal.datastore;

import dev.shoal.contracts.Role;
import java.util.Set;

/**
 * What a datastore is, as data (KubeBlocks declares an engine's roles and ports the same way): the services read it
 * instead of asking for a datastore by name.
 *
 * @param name        the catalog's manager name, which versions and nodes carry
 * @param displayName how messages name it
 * @param clientPort  the port its clients connect to, which a node's security group opens
 * @param nodeTypes   the types a cluster's node may be asked for ({@link #MEMBER} always)
 * @param roles       the roles its nodes take
 * @param composition what a cluster of it must keep
 * @param naming      the names of databases and users it keeps for itself
 * @param abilities   what it can do beyond running
 */
public record DatastoreDescriptor(String name, String displayName, int clientPort, Set<String> nodeTypes,
                                  Set<Role> roles, Composition composition, Naming naming, Set<Ability> abilities) {

    /** The node type every datastore has: a member holding data. */
    public static final String MEMBER = "member";
    /** A node type that votes in the cluster's elections and holds no data. */
    public static final String ARBITER = "arbiter";

    public DatastoreDescriptor {
        if (!nodeTypes.contains(MEMBER)) {
            throw new IllegalArgumentException(name + ": every datastore's nodes may be members");
        }
        nodeTypes = Set.copyOf(nodeTypes);
        roles = Set.copyOf(roles);
        abilities = Set.copyOf(abilities);
    }

    public boolean can(Ability ability) {
        return abilities.contains(ability);
    }

    public boolean hasNodeType(String type) {
        return nodeTypes.contains(type);
    }
}
