package dev.shoal.standalone;

import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs api, taskmanager and conductor in one JVM. Without {@code SHOAL_DB_URL} it starts an embedded
 * PostgreSQL, without {@code SHOAL_AMQP_URI} an embedded AMQP broker, both under {@code SHOAL_HOME}
 * (default {@code ./shoal-data}), so a machine with only a JDK runs the whole service.
 */
public final class ShoalStandalone {

    private static final Logger log = LoggerFactory.getLogger(ShoalStandalone.class);

    private ShoalStandalone() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(env("SHOAL_HOME", "shoal-data")).toAbsolutePath());
        Deque<AutoCloseable> embedded = new ConcurrentLinkedDeque<>();
        AtomicReference<ConfigurableApplicationContext> services = new AtomicReference<>();
        // the services close before the embedded database and broker they still write to on their way out
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ConfigurableApplicationContext running = services.get();
            if (running != null) {
                running.close();
            }
            closeAll(embedded);
        }, "shoal-shutdown"));
        try {
            if (env("SHOAL_DB_URL", null) == null) {
                EmbeddedDatabase database = EmbeddedDatabase.start(home);
                embedded.push(database);
                System.setProperty("spring.datasource.url", database.jdbcUrl());
                System.setProperty("spring.datasource.username", "postgres");
                System.setProperty("spring.datasource.password", "");
                log.info("SHOAL_DB_URL not set: using embedded PostgreSQL at {}", database.jdbcUrl());
            }
            EmbeddedBroker broker = null;
            if (env("SHOAL_AMQP_URI", null) == null) {
                broker = EmbeddedBroker.start(home);
                embedded.push(broker);
                System.setProperty("spring.rabbitmq.addresses", broker.uri());
                log.info("SHOAL_AMQP_URI not set: using embedded AMQP broker on 127.0.0.1:{}", broker.port());
            }
            System.setProperty("shoal.home", home.toString());
            if (env("SHOAL_SECRETS_KEY", null) == null && System.getProperty("shoal.secrets.key") == null) {
                System.setProperty("shoal.secrets.key", StandaloneSecretsKey.loadOrCreate(home));
                log.info("SHOAL_SECRETS_KEY not set: node secrets are encrypted with the key in {}",
                        home.resolve(StandaloneSecretsKey.FILE_NAME));
            }
            offerBundledMariaDb(home);
            offerCassandra();
            SpringApplication application = new SpringApplication(StandaloneApplication.class);
            application.setRegisterShutdownHook(false);
            if (broker != null) {
                // guests' accounts are kept by the embedded broker, not by a RabbitMQ management API
                GuestBrokerAccounts accounts = broker.guestAccounts();
                application.addInitializers(context -> context.getBeanFactory()
                        .registerSingleton("embeddedBrokerGuestAccounts", accounts));
            }
            services.set(application.run(args));
        } catch (Exception | Error e) {
            closeAll(embedded);
            throw e;
        }
    }

    /**
     * Cassandra's server jars come with the build ({@code cassandra-dist}); run from the source tree, the standalone
     * service hands them to guests unless {@code SHOAL_CASSANDRA_LIB} names another directory.
     */
    private static void offerCassandra() {
        Path lib = Path.of(env("SHOAL_CASSANDRA_LIB", "cassandra-dist/target/cassandra/lib")).toAbsolutePath();
        if (Files.isDirectory(lib)) {
            System.setProperty(guestSetting("cassandra.lib"), lib.toString());
        } else {
            log.warn("no Cassandra server jars at {}: build cassandra-dist or set SHOAL_CASSANDRA_LIB to run Cassandra"
                    + " clusters", lib);
        }
    }

    /**
     * Guests look for {@code mariadbd} where configured, then on the PATH; only when neither has one is the
     * MariaDB from Maven Central unpacked (once, ~4 s) and offered to them.
     */
    private static void offerBundledMariaDb(Path home) throws java.io.IOException {
        if (env("SHOAL_MARIADBD", null) != null) {
            System.setProperty(guestSetting("mysql.mariadbd"), env("SHOAL_MARIADBD", null));
            return;
        }
        if (System.getProperty(guestSetting("mysql.basedir")) != null || installedMariadbd().isPresent()) {
            installedMariadbd().ifPresent(path -> log.info("guests will run MySQL with {}", path));
            return;
        }
        BundledMariaDb.unpack(home).ifPresentOrElse(dir -> {
            System.setProperty(guestSetting("mysql.basedir"), dir.toString());
            log.info("no mariadbd installed: guests will run MariaDB {} unpacked at {}", BundledMariaDb.VERSION, dir);
        }, () -> log.warn("no mariadbd found: install mariadb-server or set SHOAL_MARIADBD to run MySQL instances"));
    }

    /** The property that tells every guest {@code name}: a map key holding dots is bound in brackets. */
    static String guestSetting(String name) {
        return "shoal.compute.local.guest-settings.[" + name + "]";
    }

    static java.util.Optional<Path> installedMariadbd() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        return java.util.Arrays.stream(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mariadbd"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Last started, first closed; safe when a failed start and the shutdown hook both close. */
    private static void closeAll(Deque<AutoCloseable> resources) {
        for (AutoCloseable resource = resources.pollFirst(); resource != null; resource = resources.pollFirst()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing an embedded service failed: {}", e.toString());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
