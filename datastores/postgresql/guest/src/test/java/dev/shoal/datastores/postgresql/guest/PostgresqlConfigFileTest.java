package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresqlConfigFileTest {

    @Test
    void listensOnTheNodesAddressAloneAndOnNoSocket() {
        String conf = PostgresqlConfigFile.render("127.0.88.7", 2048);

        assertThat(conf).contains("listen_addresses = '127.0.88.7'", "port = 5432", "unix_socket_directories = ''",
                "shared_buffers = 512MB");
    }

    @Test
    void aSmallFlavorStillGetsAUsableBufferCache() {
        assertThat(PostgresqlConfigFile.sharedBuffersMb(32)).isEqualTo(16);
    }

    @Test
    void everyClientLogsInWithAPassword() {
        assertThat(PostgresqlConfigFile.hba()).doesNotContain("trust", "peer")
                .contains("host all all 0.0.0.0/0 scram-sha-256");
    }

    @Test
    void aReplicaFollowsItsMasterOnEveryTimelineWithAPasswordQuotedTwice() {
        String conf = PostgresqlConfigFile.replica("127.0.88.1", "os_repl", "it's", "shoal_node");

        assertThat(conf).contains("recovery_target_timeline = 'latest'")
                .contains("primary_conninfo = 'host=127.0.88.1 port=5432 user=os_repl password=''it\\\\''s''"
                        + " application_name=shoal_node'");
    }
}
