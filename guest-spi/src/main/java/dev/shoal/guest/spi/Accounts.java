package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.DatabaseSchema;
import java.util.List;

/**
 * A datastore with databases and accounts of its own (MySQL): each call is safe to repeat, since a
 * task manager that died mid-task sends it again.
 */
public interface Accounts {

    void createDatabase(DatabaseSchema database) throws Exception;

    /** Drops the database and every grant on it, so a database made again later is nobody's yet. */
    void deleteDatabase(String name) throws Exception;

    /** Creates the account, or sets its password when it exists, and grants it the databases. */
    void createUser(String name, String host, String password, List<String> databases) throws Exception;

    void deleteUser(String name, String host) throws Exception;

    void grantAccess(String name, String host, List<String> databases) throws Exception;

    void revokeAccess(String name, String host, List<String> databases) throws Exception;
}
