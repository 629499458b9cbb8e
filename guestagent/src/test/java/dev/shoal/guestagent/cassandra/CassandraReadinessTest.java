package dev.shoal.guestagent.cassandra;

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
}
