package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.guest.spi.Accounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a datastore with databases and accounts of its own does against its real server, on a node its test prepared:
 * every call is safe to send twice (a task manager that died mid-task sends it again), a user reaches only what it
 * was granted, and a database made again after a delete is nobody's yet. Each test uses names of its own.
 */
public interface AccountsContract {

    String ANY_HOST = "%";

    /** The prepared node's databases and accounts. */
    Accounts accounts();

    /** A database as the datastore creates one when the request names no character set. */
    DatabaseSchema database(String name);

    /** Whether {@code user} logs in with {@code password} and may use {@code database}, as the server says. */
    boolean reaches(String user, String password, String database) throws Exception;

    /** The databases the server holds. */
    List<String> databases() throws Exception;

    @Test
    default void aDatabaseAndAUserAskedForTwiceAreMadeOnce() throws Exception {
        accounts().createDatabase(database("contract_twice"));
        accounts().createDatabase(database("contract_twice"));
        accounts().createUser("twice_user", ANY_HOST, "long-enough-1", List.of("contract_twice"));
        accounts().createUser("twice_user", ANY_HOST, "long-enough-1", List.of("contract_twice"));

        assertThat(databases()).containsOnlyOnce("contract_twice");
        assertThat(reaches("twice_user", "long-enough-1", "contract_twice")).isTrue();
    }

    @Test
    default void aRevokedUserReachesTheDatabaseNoMoreUntilGrantedItAgain() throws Exception {
        accounts().createDatabase(database("contract_grants"));
        accounts().createUser("grant_user", ANY_HOST, "long-enough-2", List.of("contract_grants"));

        accounts().revokeAccess("grant_user", ANY_HOST, List.of("contract_grants"));
        accounts().revokeAccess("grant_user", ANY_HOST, List.of("contract_grants"));
        assertThat(reaches("grant_user", "long-enough-2", "contract_grants")).isFalse();

        accounts().grantAccess("grant_user", ANY_HOST, List.of("contract_grants"));
        accounts().grantAccess("grant_user", ANY_HOST, List.of("contract_grants"));
        assertThat(reaches("grant_user", "long-enough-2", "contract_grants")).isTrue();
    }

    @Test
    default void aDeletedDatabaseTakesItsGrantsAlongAndADeletedUserLogsInNoMore() throws Exception {
        accounts().createDatabase(database("contract_gone"));
        accounts().createUser("gone_user", ANY_HOST, "long-enough-3", List.of("contract_gone"));

        accounts().deleteDatabase("contract_gone");
        accounts().deleteDatabase("contract_gone");
        assertThat(databases()).doesNotContain("contract_gone");
        accounts().createDatabase(database("contract_gone"));
        assertThat(reaches("gone_user", "long-enough-3", "contract_gone")).as("a database made again is nobody's")
                .isFalse();

        accounts().grantAccess("gone_user", ANY_HOST, List.of("contract_gone"));
        accounts().deleteUser("gone_user", ANY_HOST);
        accounts().deleteUser("gone_user", ANY_HOST);
        assertThat(reaches("gone_user", "long-enough-3", "contract_gone")).isFalse();
    }
}
