package dev.shoal.datastore;

import java.util.Map;
import java.util.Set;

/**
 * The rules for the databases and users a tenant manages through the api, for a datastore that offers
 * {@link Ability#ACCOUNTS}: how long their names may be, the names the server and Shoal's guest keep for themselves,
 * and the character sets a database may be created with.
 *
 * @param characterSets each character set offered, with the collation the server gives it by default
 */
public record Naming(int maxDatabaseName, int maxUserName, Set<String> reservedDatabases, Set<String> reservedUsers,
                     Map<String, String> characterSets, String defaultCharacterSet) {

    /** A datastore whose databases and users are not managed through the api. */
    public static final Naming NONE = new Naming(0, 0, Set.of(), Set.of(), Map.of(), null);

    public Naming {
        reservedDatabases = Set.copyOf(reservedDatabases);
        reservedUsers = Set.copyOf(reservedUsers);
        characterSets = Map.copyOf(characterSets);
        if (defaultCharacterSet != null && !characterSets.containsKey(defaultCharacterSet)) {
            throw new IllegalArgumentException("the default character set " + defaultCharacterSet
                    + " is not one offered");
        }
    }
}
