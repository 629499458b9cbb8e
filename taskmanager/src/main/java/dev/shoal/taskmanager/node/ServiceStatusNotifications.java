package dev.shoal.taskmanager.node;

import com.zaxxer.hikari.HikariConfig;
import dev.shoal.taskmanager.TaskManagerProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to PostgreSQL's notifications of node status changes (a trigger on {@code service_statuses} sends one with
 * the commit of every change, whoever wrote it) and wakes the tasks waiting on that node. It holds one connection of
 * its own, outside the pool. Losing it loses nothing but time: waiting steps still look again every poll interval,
 * and once it is back every waiting task looks at once, since changes may have passed meanwhile.
 */
@Component
class ServiceStatusNotifications implements SmartLifecycle {

    static final String CHANNEL = "shoal_service_status";
    private static final Logger log = LoggerFactory.getLogger(ServiceStatusNotifications.class);
    /** How long one wait for notifications lasts before the connection is checked. */
    private static final Duration LISTEN_SLICE = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final NodeStatusWaits waits;
    private final boolean enabled;
    private volatile Thread listener;
    private volatile boolean running;

    ServiceStatusNotifications(DataSource dataSource, NodeStatusWaits waits, TaskManagerProperties properties) {
        this.dataSource = dataSource;
        this.waits = waits;
        this.enabled = properties.statusNotifications();
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("node status notifications are off: steps waiting on a node look again every poll interval");
            return;
        }
        Thread thread = new Thread(this::listen, "service-status-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofSeconds(1);
        boolean lost = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("node status notifications are back");
                    waits.changedAll();
                }
                lost = false;
                backoff = Duration.ofSeconds(1);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("node status notifications lost ({}); waiting steps poll until they are back",
                            e.getMessage());
                }
                lost = true;
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] arrived = notifications.getNotifications((int) LISTEN_SLICE.toMillis());
            if (arrived == null || arrived.length == 0) {
                // a connection that died without a word is found out here
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                continue;
            }
            for (PGNotification notification : arrived) {
                try {
                    waits.changed(UUID.fromString(notification.getParameter()));
                } catch (IllegalArgumentException notANode) {
                    log.debug("ignored notification {} on {}", notification.getParameter(), CHANNEL);
                }
            }
        }
    }

    /** A connection of its own, made as the pool makes its connections. */
    private Connection connect() throws SQLException {
        HikariConfig pool = dataSource.unwrap(HikariConfig.class);
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            settings.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            settings.setProperty("password", pool.getPassword());
        }
        settings.setProperty("ApplicationName", "shoal status notifications");
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), settings);
        connection.setAutoCommit(true);
        return connection;
    }

    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
