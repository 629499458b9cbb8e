package dev.shoal.taskmanager.task;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that say the database or the broker is out of reach for now, not that a step went wrong: a task that meets
 * one waits and runs again, it does not fail. The restart of either must not fail the builds under way.
 */
final class Outages {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransientDataAccessException.class,
            SQLTransientConnectionException.class, JDBCConnectionException.class, AmqpConnectException.class,
            ConnectException.class);

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (OUTAGES.stream().anyMatch(type -> type.isInstance(current)) || lostConnection(current)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database ended the session: it went away (class 08), was shut down or restarted (57P), or ended a
     * transaction this process left idle too long, as it does for a process frozen past its lease (25P03).
     */
    private static boolean lostConnection(Throwable failure) {
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("25P03"));
    }

    /** A step's checked failure that is an outage, carried out as one. */
    static final class OutageDuringStep extends RuntimeException {
        OutageDuringStep(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
