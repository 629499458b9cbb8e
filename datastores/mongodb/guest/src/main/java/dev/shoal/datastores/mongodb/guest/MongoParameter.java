package dev.shoal.datastores.mongodb.guest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * What configuration groups may set on mongod 7.0 (the names its parameter metadata lists), where each goes in
 * {@code mongod.conf}, and how each is set and read on the running server: server parameters through {@code
 * setParameter}/{@code getParameter}, the slow operation threshold through the profiler, and the connection limit,
 * which mongod reads only at start, from what the server says it was started with.
 */
enum MongoParameter {
    CURSOR_TIMEOUT_MILLIS("cursorTimeoutMillis", Where.SET_PARAMETER, Type.INTEGER, "600000"),
    TRANSACTION_LIFETIME_LIMIT_SECONDS("transactionLifetimeLimitSeconds", Where.SET_PARAMETER, Type.INTEGER, "60"),
    MAX_TRANSACTION_LOCK_REQUEST_TIMEOUT_MILLIS("maxTransactionLockRequestTimeoutMillis", Where.SET_PARAMETER,
            Type.INTEGER, "5"),
    NOTABLESCAN("notablescan", Where.SET_PARAMETER, Type.BOOLEAN, "false"),
    TTL_MONITOR_ENABLED("ttlMonitorEnabled", Where.SET_PARAMETER, Type.BOOLEAN, "true"),
    TTL_MONITOR_SLEEP_SECS("ttlMonitorSleepSecs", Where.SET_PARAMETER, Type.INTEGER, "60"),
    SLOW_OP_THRESHOLD_MS("slowOpThresholdMs", Where.PROFILER, Type.INTEGER, "100"),
    MAX_INCOMING_CONNECTIONS("maxIncomingConnections", Where.NET, Type.INTEGER, "1000000");

    enum Where {
        /** {@code setParameter:} in the file, {@code setParameter}/{@code getParameter} live. */
        SET_PARAMETER,
        /** {@code operationProfiling.slowOpThresholdMs} in the file, {@code profile: -1} live. */
        PROFILER,
        /** {@code net.maxIncomingConnections}: read once, at start. */
        NET
    }

    enum Type { INTEGER, BOOLEAN }

    private final String parameterName;
    private final Where where;
    private final Type type;
    private final String defaultValue;

    MongoParameter(String parameterName, Where where, Type type, String defaultValue) {
        this.parameterName = parameterName;
        this.where = where;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    static Optional<MongoParameter> of(String name) {
        return Arrays.stream(values()).filter(p -> p.parameterName.equals(name)).findFirst();
    }

    String parameterName() {
        return parameterName;
    }

    Where where() {
        return where;
    }

    String defaultValue() {
        return defaultValue;
    }

    boolean isLive() {
        return where != Where.NET;
    }

    /** The value as mongod takes it: a number or a boolean, never a string. */
    Object typed(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (type == Type.INTEGER) {
            return Long.parseLong(text);
        }
        return switch (text) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new IllegalArgumentException(parameterName + " takes true or false, not " + value);
        };
    }

    /** The command that sets it on the running server. */
    Document setCommand(String value) {
        return switch (where) {
            case SET_PARAMETER -> new Document("setParameter", 1).append(parameterName, typed(value));
            // level -1 leaves the profiling level as it is and changes only the threshold
            case PROFILER -> new Document("profile", -1).append("slowms", typed(value));
            case NET -> throw new IllegalStateException(parameterName + " is read only at start");
        };
    }

    /** The command whose answer holds the running value; {@link #running(Document)} reads it from there. */
    Document readCommand() {
        return switch (where) {
            case SET_PARAMETER -> new Document("getParameter", 1).append(parameterName, 1);
            case PROFILER -> new Document("profile", -1);
            case NET -> new Document("getCmdLineOpts", 1);
        };
    }

    String running(Document answer) {
        Object value = switch (where) {
            case SET_PARAMETER -> answer.get(parameterName);
            case PROFILER -> answer.get("slowms");
            case NET -> {
                Document net = answer.get("parsed", new Document()).get("net", new Document());
                Object configured = net.get(parameterName);
                yield configured == null ? defaultValue : configured;
            }
        };
        return value == null ? null : value.toString();
    }
}
