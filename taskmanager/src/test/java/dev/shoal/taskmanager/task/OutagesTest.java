package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class OutagesTest {

    @Test
    void aDatabaseOrBrokerOutOfReachIsAnOutageWhereverItSitsInTheCauses() {
        assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException())))
                .isTrue();
        assertThat(Outages.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Outages.isOutage(new AmqpConnectException(new ConnectException("refused")))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("step", new RuntimeException(
                new ConnectException("refused"))))).isTrue();
    }

    @Test
    void aSessionTheDatabaseEndedIsAnOutage() {
        assertThat(Outages.isOutage(new UncategorizedSQLException("renew", "update tasks", new SQLException(
                "FATAL: terminating connection due to idle-in-transaction timeout", "25P03")))).isTrue();
        assertThat(Outages.isOutage(new UncategorizedSQLException("renew", "update tasks", new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isTrue();
        assertThat(Outages.isOutage(new SQLException("duplicate key value", "23505"))).isFalse();
    }

    @Test
    void whatAStepDidWrongIsNoOutage() {
        assertThat(Outages.isOutage(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("instance has no node"))).isFalse();
    }
}
