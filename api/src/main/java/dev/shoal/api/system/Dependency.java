package dev.shoal.api.system;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A service the api cannot answer without. A failure caused by one being out of reach is the client's to retry
 * (503), not a fault of the request nor of the api (500).
 */
public enum Dependency {

    DATABASE("database-unavailable", "Database unavailable", "the database cannot be reached"),
    BROKER("broker-unavailable", "Message broker unavailable", "the message broker cannot be reached"),
    IDENTITY("identity-unavailable", "Identity service unavailable", "the identity service (Keystone) cannot be reached");

    private final String code;
    private final String title;
    private final String detail;

    Dependency(String code, String title, String detail) {
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /**
     * The dependency whose being out of reach caused this failure, found anywhere in its causes: Spring and
     * Hibernate wrap the driver's or the pool's exception differently on each path (a transaction that cannot
     * begin, a query on a connection that broke, a commit).
     */
    public static Optional<Dependency> unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DependencyUnavailable unavailable) {
                return Optional.of(unavailable.dependency());
            }
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return Optional.of(DATABASE);
            }
            if (cause instanceof AmqpConnectException || cause instanceof AmqpIOException
                    || cause instanceof AmqpTimeoutException) {
                return Optional.of(BROKER);
            }
        }
        return Optional.empty();
    }

    /** SQL state class 08 is "connection exception" in the SQL standard, and PostgreSQL's driver uses it so. */
    private static boolean isConnectionState(String state) {
        return state != null && state.startsWith("08");
    }
}
