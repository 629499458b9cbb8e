package dev.shoal.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DependencyTest {

    @Test
    void findsTheDatabaseBehindATransactionThatCouldNotBegin() {
        var pool = new SQLTransientConnectionException("pool - Connection is not available",
                new ConnectException("Connection refused"));

        assertThat(Dependency.unreachable(new CannotCreateTransactionException("no JPA EntityManager", pool)))
                .contains(Dependency.DATABASE);
    }

    @Test
    void findsTheDatabaseBehindAConnectionStateDeepInTheCauses() {
        var broken = new SQLException("An I/O error occurred while sending to the backend", "08006");

        assertThat(Dependency.unreachable(new JpaSystemException(new RuntimeException(broken))))
                .contains(Dependency.DATABASE);
    }

    @Test
    void findsTheBroker() {
        assertThat(Dependency.unreachable(new AmqpConnectException(new ConnectException("Connection refused"))))
                .contains(Dependency.BROKER);
        assertThat(Dependency.unreachable(new DependencyUnavailable(Dependency.BROKER, "cast not sent")))
                .contains(Dependency.BROKER);
    }

    @Test
    void leavesEveryOtherFailureToBeA500() {
        assertThat(Dependency.unreachable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(Dependency.unreachable(new IllegalStateException("bug"))).isEmpty();
    }
}
