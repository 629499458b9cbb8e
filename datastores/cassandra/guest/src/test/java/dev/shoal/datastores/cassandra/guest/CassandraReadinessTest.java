package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which failed starts are worth starting again: only a first gossip round no seed answered. */
class CassandraReadinessTest {

    @Test
    void onlyASilentSeedIsTriedAgain() {
        assertThat(CassandraReadiness.seedsUnanswered(new IOException("Cassandra exited during start: ERROR [main]"
                + " 2026-12-03 08:30:25,774 CassandraDaemon.java:887 - Exception encountered during startup"
                + " java.lang.IllegalStateException: Unable to contact any seeds: [/127.0.52.4:7000]"))).isTrue();
        assertThat(CassandraReadiness.seedsUnanswered(new IOException("Cassandra exited during start: ERROR [main]"
                + " Exception encountered during startup java.lang.RuntimeException: A node with address"
                + " /127.0.52.5:7000 already exists, cancelling join"))).isFalse();
        assertThat(CassandraReadiness.seedsUnanswered(new IOException((String) null))).isFalse();
    }

    @Test
    void aTokenCollisionOfAJoiningNodeIsToldApart() {
        assertThat(CassandraReadiness.tokensCollided(new IOException("Cassandra exited during start: ERROR [main]"
                + " 2026-12-06 19:01:22,167 CassandraDaemon.java:887 - Exception encountered during startup"
                + " java.lang.RuntimeException: Bootstrap Token collision between /127.0.1.2:7000 and"
                + " /127.0.1.4:7000 (token -4834416944439582297"))).isTrue();
        assertThat(CassandraReadiness.tokensCollided(new IOException("Cassandra exited during start: ERROR [main]"
                + " java.lang.IllegalStateException: Unable to contact any seeds: [/127.0.52.4:7000]"))).isFalse();
        assertThat(CassandraReadiness.tokensCollided(new IOException((String) null))).isFalse();
    }
}
